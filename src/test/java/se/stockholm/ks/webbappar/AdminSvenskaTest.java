package se.stockholm.ks.webbappar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.Webbappsetiketter;

/**
 * Admin in Swedish: the application's {@code app/admin/locales/sv.json} translates every label of
 * the Camunda 7.24 webjar's {@code en.json} (the same keys, none left empty but the Camunda 8
 * banner, every {@code {{placeholder}}} and HTML tag kept, Tasklist's terms where the labels are
 * shared), and the application's {@code app/admin/scripts/config.js} is the one on the classpath
 * first — the one the webapp serves — with Swedish only, ÅÅÅÅ-MM-DD and the city's name.
 */
class AdminSvenskaTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLATSHALLARE = Pattern.compile("\\{\\{\\s*\\w+\\s*\\}\\}|</?(a|strong|b|i|em|br|span|code)\\b[^>]*>");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyLabelOfTheWebjarIsTranslated() throws IOException {
    JsonNode en = webjarJson(WEBJAR + "admin/locales/en.json");
    JsonNode sv = projectJson(WEBJAR + "admin/locales/sv.json");

    assertThat(Webbappsetiketter.skillnader(sv.get("labels"), en.get("labels"))).isEmpty();
    assertThat(namn(sv.get("labels"))).hasSizeGreaterThan(500);
    assertThat(namn(sv.get("dateLocales"))).isEqualTo(namn(en.get("dateLocales")));

    List<String> fel = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.get("labels").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String engelska = e.getValue().asText();
      String svenska = sv.get("labels").get(e.getKey()).asText();
      if ("BANNER_CE_EOL_TEXT".equals(e.getKey())) {
        continue;
      }
      if (svenska.isBlank()) {
        fel.add(e.getKey() + ": tom");
      }
      if (!platshallare(engelska).equals(platshallare(svenska))) {
        fel.add(e.getKey() + ": " + platshallare(engelska) + " blev " + platshallare(svenska));
      }
    }
    assertThat(fel).as("labels without their text, placeholders or tags").isEmpty();

    JsonNode l = sv.get("labels");
    assertThat(l.get("BANNER_CE_EOL_TEXT").asText()).isEmpty();
    assertThat(l.get("USERS_USERS").asText()).isEqualTo("Användare");
    assertThat(l.get("GROUPS_GROUPS").asText()).isEqualTo("Grupper");
    assertThat(l.get("AUTHORIZATION_AUTHORIZATIONS").asText()).isEqualTo("Behörigheter");
    assertThat(l.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Logga in");
    assertThat(l.get("GROUP_CREATE_MESSAGE_ERROR").asText()).contains("{{group}}", "{{message}}");
    assertThat(sv.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(sv.at("/dateLocales/months/0").asText()).isEqualTo("januari");

    // the labels Admin shares with Tasklist read the same in both
    JsonNode tasklist = projectJson(WEBJAR + "tasklist/locales/sv.json").get("labels");
    for (String delad : List.of("PAGE_LOGIN_USERNAME", "PAGE_LOGIN_PASSWORD", "CAM_WIDGET_HEADER_SIGN_OUT",
        "PAGINATION_NEXT", "PAGES_STATUS_ACCESS_DENIED", "AUTH_LOGOUT_THANKS")) {
      assertThat(l.get(delad).asText()).as(delad).isEqualTo(tasklist.get(delad).asText());
    }
  }

  @Test
  void theApplicationsConfigIsServedInPlaceOfTheWebjars() throws IOException {
    URL forsta = getClass().getClassLoader().getResource(WEBJAR + "admin/scripts/config.js");
    assertThat(forsta).isNotNull();
    assertThat(forsta.toString()).as("the project's file, not the webjar's").doesNotContain(".jar!");
    String config;
    try (InputStream in = forsta.openStream()) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(config)
        .contains("vendor: 'Stockholms stad – Kommunstyrelsen'")
        .contains("availableLocales: ['sv']", "fallbackLocale: 'sv'")
        .contains("short: 'YYYY-MM-DD'", "normal: 'YYYY-MM-DD HH:mm'", "disableWelcomeMessage: true");

    // Admin's stylesheet imports the look shared with Tasklist, Cockpit and Welcome
    assertThat(projectText(WEBJAR + "admin/styles/user-styles.css"))
        .contains("@import url(../../tasklist/styles/stadens-utseende.css);");
    String stil = projectText(WEBJAR + "tasklist/styles/stadens-utseende.css");
    assertThat(stil).containsPattern("\\.ce-eol-banner[^{]*\\{\\s*display: none !important;")
        .contains("stockholms-stad-symbol.svg", "stockholms-stad.svg");
  }

  /** The placeholders and tags of a label, sorted: their order may change in Swedish, their number and kind may not. */
  private static List<String> platshallare(String text) {
    List<String> hittade = new ArrayList<>();
    Matcher m = PLATSHALLARE.matcher(text);
    while (m.find()) {
      hittade.add(m.group().replaceAll("\\s", ""));
    }
    return hittade.stream().sorted().toList();
  }

  private static List<String> namn(JsonNode node) {
    List<String> namn = new ArrayList<>();
    node.fieldNames().forEachRemaining(namn::add);
    return namn.stream().sorted().toList();
  }

  private JsonNode webjarJson(String resource) throws IOException {
    for (URL url : java.util.Collections.list(getClass().getClassLoader().getResources(resource))) {
      if ("jar".equals(url.getProtocol())) { // the webapp jar's (Camunda's or Operaton's), not our copy
        return json.readTree(text(url));
      }
    }
    throw new AssertionError("not in the webjar: " + resource);
  }

  private JsonNode projectJson(String resource) throws IOException {
    return json.readTree(projectText(resource));
  }

  private String projectText(String resource) throws IOException {
    URL url = getClass().getClassLoader().getResource(resource);
    assertThat(url).as(resource).isNotNull();
    assertThat(url.toString()).as(resource).doesNotContain(".jar!");
    return text(url);
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }
}
