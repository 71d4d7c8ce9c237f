package se.stockholm.ks.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.Webbappsetiketter;

/**
 * Cockpit and Welcome speak Swedish as Tasklist does: the application's {@code app/<app>/locales/sv.json}
 * (written by {@code tools/webapp-sv/oversatt.py}) has every label of the Camunda webjar's
 * {@code en.json}, each one translated (only names and symbols that read the same in Swedish may stay
 * as they are), with every placeholder ({@code {{...}}}, {@code %s}, HTML tags and entities) kept, and
 * the same wording as Tasklist wherever Tasklist has the same label; and {@code config.js} offers
 * Swedish only, dates as ÅÅÅÅ-MM-DD and no first-login note. Read from the classpath as the webapp
 * serves them (the application's files lie before the webjar's).
 */
class WebappsSvenskaTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";

  /** English texts that read the same in Swedish: names, symbols and words Swedish shares. */
  private static final Set<String> SAMMA_PA_SVENSKA = Set.of("Admin", "Cockpit", "OK", " OK", "Status", "Filter",
      "Operator", "Batch", "batch", "process", "Version", "Version:", "Period:", "Information", "Element", "null",
      "<null>", "<definition>", "<version>", "CSV", "JSON", "Boolean", "Double", "Integer", "Long", "Short", "String",
      "<", "<=", ">", ">=");

  /** Texts dropped on purpose: the Camunda 8 banner and the first-login note (switched off). */
  private static final Set<String> UTELAMNADE = Set.of("BANNER_CE_EOL_TEXT", "FIRST_LOGIN_INFO");

  private static final Pattern PLATSHALLARE = Pattern.compile("\\{\\{[^}]*\\}\\}|%[sd]"
      + "|</?(?:a|b|i|u|br|p|em|strong|span|code|pre|ul|ol|li|div|small)\\b[^>]*>|&[a-z]+;|\\{[a-zA-Z0-9_]+\\}");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "welcome"})
  void everyLabelIsTranslatedWithItsPlaceholders(String app) throws IOException {
    JsonNode en = webjar(app).get("labels");
    JsonNode sv = svenska(app).get("labels");
    assertThat(Webbappsetiketter.skillnader(sv, en)).as(app + ": nycklar").isEmpty();

    List<String> oversatta = new ArrayList<>();
    List<String> fel = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      String nyckel = e.getKey();
      String engelska = e.getValue().asText();
      JsonNode varde = sv.get(nyckel);
      if (!varde.isTextual()) {
        fel.add(nyckel + ": inte text");
        continue;
      }
      String svenska = varde.asText();
      if (UTELAMNADE.contains(nyckel)) {
        continue;
      }
      if (svenska.equals(engelska) && !SAMMA_PA_SVENSKA.contains(engelska)) {
        fel.add(nyckel + ": oöversatt \"" + engelska + "\"");
      }
      if (!svenska.isBlank() || engelska.isBlank()) {
        oversatta.add(nyckel);
      } else {
        fel.add(nyckel + ": tom");
      }
      if (!platshallare(svenska).equals(platshallare(engelska))) {
        fel.add(nyckel + ": " + platshallare(engelska) + " blev " + platshallare(svenska));
      }
    }
    assertThat(fel).as(app).isEmpty();
    assertThat(oversatta).as(app).hasSize(en.size() - UTELAMNADE.stream().filter(en::has).toList().size());
    assertThat(sv.get("BANNER_CE_EOL_TEXT").asText()).as(app + ": the Camunda 8 banner says nothing").isEmpty();
  }

  @Test
  void cockpitsMenuAndDatesAreSwedish() throws IOException {
    JsonNode sv = svenska("cockpit");
    JsonNode labels = sv.get("labels");
    assertThat(labels.get("COCKPIT_PROCESSES").asText()).isEqualTo("Processer");
    assertThat(labels.get("COCKPIT_DECISIONS").asText()).isEqualTo("DMN-beslut");
    assertThat(labels.get("COCKPIT_HUMAN_TASKS").asText()).isEqualTo("Uppgifter");
    assertThat(labels.get("COCKPIT_DEPLOYMENTS").asText()).isEqualTo("Driftsättningar");
    assertThat(labels.get("DASHBOARD_DASHBOARD").asText()).isEqualTo("Översikt");
    assertThat(labels.get("PLGN_HIST_INCIDENTS").asText()).isEqualTo("Incidenter");
    assertThat(labels.get("PLGN_HIST_PROCESS_INSTANCES").asText()).isEqualTo("Processinstanser");
    assertThat(namn(sv.get("dateLocales"))).isEqualTo(namn(webjar("cockpit").get("dateLocales")));
    assertThat(sv.at("/dateLocales/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
    assertThat(sv.at("/dateLocales/months/0").asText()).isEqualTo("januari");
    assertThat(svenska("welcome").at("/labels/CHANGE_PASSWORD").asText()).isEqualTo("Byt lösenord");
  }

  /** The same label reads the same in Cockpit, Welcome and Tasklist. */
  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "welcome"})
  void sharedLabelsReadAsInTasklist(String app) throws IOException {
    JsonNode tasklistEn = webjar("tasklist").get("labels");
    JsonNode tasklistSv = svenska("tasklist").get("labels");
    JsonNode en = webjar(app).get("labels");
    JsonNode sv = svenska(app).get("labels");
    List<String> olika = new ArrayList<>();
    for (Iterator<String> it = en.fieldNames(); it.hasNext();) {
      String nyckel = it.next();
      if (tasklistEn.has(nyckel) && tasklistEn.get(nyckel).asText().equals(en.get(nyckel).asText())
          && !tasklistSv.get(nyckel).asText().equals(sv.get(nyckel).asText())) {
        olika.add(nyckel + ": " + sv.get(nyckel).asText() + " / Tasklist: " + tasklistSv.get(nyckel).asText());
      }
    }
    assertThat(olika).as(app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cockpit", "welcome"})
  void theConfigurationOffersSwedishOnlyWithIsoDates(String app) throws IOException {
    String config = text(WEBJAR + app + "/scripts/config.js");
    assertThat(config).as(app)
        .containsPattern("availableLocales:\\s*\\['sv'\\]")
        .containsPattern("fallbackLocale:\\s*'sv'")
        .containsPattern("disableWelcomeMessage:\\s*true")
        .containsPattern("short:\\s*'YYYY-MM-DD'")
        .containsPattern("normal:\\s*'YYYY-MM-DD HH:mm'")
        .containsPattern("vendor:\\s*'Stockholms stad –'")
        .containsPattern("name:\\s*'Kommunstyrelsen'")
        .doesNotContain("'en'");
  }

  /** The placeholders of a text, sorted, as often as they occur. */
  private static List<String> platshallare(String text) {
    List<String> funna = new ArrayList<>();
    Matcher m = PLATSHALLARE.matcher(text);
    while (m.find()) {
      funna.add(m.group().replaceAll("\\s+", ""));
    }
    funna.sort(null);
    return funna;
  }

  private JsonNode webjar(String app) throws IOException {
    return json.readTree(text(WEBJAR + app + "/locales/en.json"));
  }

  private JsonNode svenska(String app) throws IOException {
    String text = text(WEBJAR + app + "/locales/sv.json");
    assertThat(text).as(app + ": sv.json without a byte order mark").doesNotStartWith("\uFEFF");
    return json.readTree(text);
  }

  private String text(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") && resource.endsWith("en.json") ? text.substring(1) : text;
    }
  }

  private static Set<String> namn(JsonNode node) {
    Set<String> namn = new TreeSet<>();
    node.fieldNames().forEachRemaining(namn::add);
    return namn;
  }
}
