package se.stockholm.ks.modeller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.skrivelse.Variabler;

/**
 * The forms in {@code forms/} against the models and the variable contract, read from the files
 * (no engine, no browser):
 * <ul>
 *   <li>every form reference in {@code bpmn/} (camunda:formRef, camunda:formKey) names a file, and
 *       every file is referenced;</li>
 *   <li>Camunda Forms: schemaVersion at most 16 (Tasklist 7.24's form-js), execution platform
 *       7.24.0, id = formRef, no component Tasklist cannot render (filepicker), every field key,
 *       valuesKey and template variable is a variable of {@link Variabler}, every condition
 *       refers to fields of the same form;</li>
 *   <li>embedded forms: every cam-variable-name, context variable and variable sent by script is
 *       one of {@link Variabler}; the form has a name (Tasklist reads its validity through it);
 *       no radio button bound with cam-variable-name (the forms SDK reads the value attribute of
 *       every radio, checked or not); files are File variables of at most 25 MB;</li>
 *   <li>every task form shows the case: the diarienummer and the link to its handlingar (a
 *       protokoll form, which has no diarienummer, its rubrik and meeting); the start form,
 *       which comes before the case exists, says that the diarienummer is given on start;</li>
 *   <li>the start form offers exactly the parties and roles of {@code ks.organisation}.</li>
 * </ul>
 */
class FormsTest {

  private static final Path FORMS = Path.of("forms");
  private static final Path BPMN = Path.of("bpmn");
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Variables a form may read that are not part of {@link Variabler}, with the constant that defines each. */
  private static final Map<String, String> ANDRA_VARIABLER = Map.of(
      "sammantradeFel", "se.stockholm.ks.beredning.PlaneraBrbSammantradeDelegate#SAMMANTRADE_FEL");

  /** Words of FEEL in the forms' conditions, not variables. */
  private static final Set<String> FEEL = Set.of("not", "list", "contains", "day", "of", "week", "date", "null",
      "or", "and", "true", "false", "if", "then", "else");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(?:#if\\s+|#each\\s+)?([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern CAM_VARIABLE = Pattern.compile("cam-variable-name=\"([^\"]+)\"");
  private static final Pattern KONTEXT = Pattern.compile("(?:var KONTEXT =|kontext:) \\[([^\\]]*)\\]", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
  private static final Pattern SKICKA = Pattern.compile("skicka\\('([^']+)'");
  private static final Pattern DATA_VISA = Pattern.compile("data-visa=\"([A-Za-z][A-Za-z0-9]*)\"");
  private static final Pattern TAG = Pattern.compile("<(input|select|textarea|form|a)\\b([^>]*)>", Pattern.DOTALL);

  /** A form reference in a model. */
  record Referens(String modell, String element, boolean startEvent, String fil) {
  }

  private static Set<String> variabler;
  private static List<Referens> referenser;
  private static Set<String> filer;

  @BeforeAll
  static void las() throws Exception {
    variabler = new TreeSet<>();
    for (Field f : Variabler.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
        variabler.add((String) f.get(null));
      }
    }
    for (Map.Entry<String, String> e : ANDRA_VARIABLER.entrySet()) {
      String[] klassOchFalt = e.getValue().split("#");
      Field f = Class.forName(klassOchFalt[0]).getDeclaredField(klassOchFalt[1]);
      f.setAccessible(true);
      assertThat(f.get(null)).as(e.getValue()).isEqualTo(e.getKey());
    }
    referenser = new ArrayList<>();
    try (Stream<Path> modeller = Files.list(BPMN)) {
      for (Path modell : modeller.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(modell.toFile());
        for (String tag : List.of("userTask", "startEvent")) {
          NodeList nodes = doc.getElementsByTagNameNS(BPMN_NS, tag);
          for (int i = 0; i < nodes.getLength(); i++) {
            Element el = (Element) nodes.item(i);
            String ref = el.getAttributeNS(CAMUNDA_NS, "formRef");
            String key = el.getAttributeNS(CAMUNDA_NS, "formKey");
            String fil = !ref.isEmpty() ? ref + ".form"
                : key.startsWith("embedded:deployment:forms/") ? key.substring("embedded:deployment:forms/".length())
                : key.isEmpty() ? null : "?" + key;
            if ("userTask".equals(tag)) {
              assertThat(fil).as("form of userTask %s in %s", el.getAttribute("id"), modell).isNotNull();
            }
            if (fil != null) {
              referenser.add(new Referens(modell.getFileName().toString(), el.getAttribute("id"), "startEvent".equals(tag), fil));
            }
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(FORMS)) {
      filer = files.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
    }
  }

  @Test
  void everyFormReferenceNamesAFileAndEveryFileIsReferenced() {
    assertThat(referenser).as("form references in bpmn/").hasSizeGreaterThanOrEqualTo(12);
    Set<String> referenced = new TreeSet<>();
    for (Referens r : referenser) {
      assertThat(filer).as("%s in %s references forms/%s", r.element(), r.modell(), r.fil()).contains(r.fil());
      referenced.add(r.fil());
    }
    assertThat(filer).as("files in forms/ (each referenced by a model)").isEqualTo(referenced);
  }

  @Test
  void camundaFormsRenderInTasklist724AndUseTheVariableContract() throws IOException {
    int formulär = 0;
    for (Referens r : referenser) {
      if (!r.fil().endsWith(".form")) {
        continue;
      }
      formulär++;
      JsonNode form = JSON.readTree(FORMS.resolve(r.fil()).toFile());
      String namn = r.fil();
      assertThat(form.path("schemaVersion").asInt(99)).as("%s schemaVersion", namn).isBetween(1, 16);
      assertThat(form.path("executionPlatform").asText()).as(namn).isEqualTo("Camunda Platform");
      assertThat(form.path("executionPlatformVersion").asText()).as(namn).isEqualTo("7.24.0");
      assertThat(form.path("id").asText() + ".form").as("%s id (= formRef)", namn).isEqualTo(namn);

      List<JsonNode> komponenter = new ArrayList<>();
      samla(form, komponenter);
      Set<String> nycklar = new LinkedHashSet<>();
      Set<String> lasta = new LinkedHashSet<>();
      StringBuilder texter = new StringBuilder();
      for (JsonNode k : komponenter) {
        String typ = k.path("type").asText();
        assertThat(typ).as("%s: component %s", namn, k.path("id").asText()).isNotIn("filepicker", "documentPreview");
        if (k.hasNonNull("key")) {
          nycklar.add(k.get("key").asText());
        }
        if (k.hasNonNull("valuesKey")) {
          lasta.add(k.get("valuesKey").asText());
        }
        for (String egenskap : List.of("text", "label", "description", "dateLabel", "content")) {
          if (k.hasNonNull(egenskap)) {
            texter.append(k.get(egenskap).asText()).append('\n');
            Matcher m = TEMPLATE.matcher(k.get(egenskap).asText());
            while (m.find()) {
              lasta.add(m.group(1));
            }
          }
        }
      }
      assertThat(nycklar).as("%s: field keys", namn).isNotEmpty();
      assertThat(variabler).as("%s: field keys are variables of Variabler", namn).containsAll(nycklar);
      Set<String> okanda = new TreeSet<>(lasta);
      okanda.removeAll(variabler);
      okanda.removeAll(ANDRA_VARIABLER.keySet());
      assertThat(okanda).as("%s: variables read (valuesKey, {{…}}) that are not in Variabler", namn).isEmpty();

      for (JsonNode k : komponenter) {
        String villkor = k.path("conditional").path("hide").asText("");
        if (villkor.isEmpty()) {
          continue;
        }
        assertThat(villkor).as("%s: condition of %s is a FEEL expression", namn, k.path("id").asText()).startsWith("=");
        Set<String> namnIVillkor = new TreeSet<>();
        Matcher m = Pattern.compile("\"[^\"]*\"|([A-Za-z_][A-Za-z0-9_]*)").matcher(villkor.substring(1));
        while (m.find()) {
          if (m.group(1) != null && !FEEL.contains(m.group(1))) {
            namnIVillkor.add(m.group(1));
          }
        }
        assertThat(nycklar).as("%s: condition %s refers to fields of the form", namn, villkor).containsAll(namnIVillkor);
      }

      if (arProtokoll(r)) {
        assertThat(lasta).as("%s (protokoll) shows rubrik and meeting", namn).contains("rubrik", "sammantrade");
      } else {
        assertThat(lasta).as("%s shows the case", namn).contains("diarienummer", "rubrik", "avsandare", "arendeLank");
        assertThat(texter.toString()).as("%s links to the case's handlingar in a new tab", namn)
            .contains("<a href=\"{{arendeLank}}\" target=\"_blank\">Ärendets handlingar</a>");
      }
    }
    assertThat(formulär).as("Camunda Forms checked").isGreaterThanOrEqualTo(7);
  }

  @Test
  void embeddedFormsWorkWithTheFormsSdkAndUseTheVariableContract() throws IOException {
    int formulär = 0;
    for (Referens r : referenser) {
      if (!r.fil().endsWith(".html")) {
        continue;
      }
      formulär++;
      String namn = r.fil();
      String html = Files.readString(FORMS.resolve(namn), StandardCharsets.UTF_8);

      Set<String> falt = hitta(CAM_VARIABLE, html);
      Set<String> kontext = new LinkedHashSet<>();
      Matcher k = KONTEXT.matcher(html);
      if (k.find()) {
        kontext.addAll(hitta(QUOTED, k.group(1)));
      }
      Set<String> skickade = hitta(SKICKA, html);
      assertThat(falt).as("%s: cam-variable-name fields", namn).isNotEmpty();
      for (Set<String> grupp : List.of(falt, kontext, skickade)) {
        Set<String> okanda = new TreeSet<>(grupp);
        okanda.removeAll(variabler);
        assertThat(okanda).as("%s: variables not in Variabler", namn).isEmpty();
      }
      assertThat(kontext).as("%s: every shown value (data-visa) is fetched", namn).containsAll(hitta(DATA_VISA, html));

      Matcher taggar = TAG.matcher(html);
      boolean formNamn = false;
      while (taggar.find()) {
        String tagg = taggar.group(1);
        Map<String, String> attr = attribut(taggar.group(2));
        if ("form".equals(tagg)) {
          formNamn = attr.containsKey("name") && !attr.get("name").isBlank();
        }
        if (!attr.containsKey("cam-variable-name")) {
          continue;
        }
        String variabel = attr.get("cam-variable-name");
        assertThat(attr.get("type")).as("%s: %s is bound with cam-variable-name but the SDK cannot read radio buttons",
            namn, variabel).isNotEqualTo("radio");
        assertThat(attr).as("%s: %s has cam-variable-type", namn, variabel).containsKey("cam-variable-type");
        if ("file".equals(attr.get("type"))) {
          assertThat(attr.get("cam-variable-type")).as("%s: %s", namn, variabel).isEqualTo("File");
          assertThat(attr.get("cam-max-filesize")).as("%s: %s at most 25 MB (ks.diarium.max-filstorlek)", namn, variabel)
              .isEqualTo("26214400");
          // either itself or through ksFormular.koppla's 'filer' (tasklist/scripts/inbaddade-formular.js)
          assertThat(html).as("%s: an empty file input must not send an empty File variable", namn)
              .containsAnyOf("setOriginalValue(", "variabel: '" + variabel + "'");
        } else {
          assertThat(attr.get("cam-variable-type")).as("%s: %s", namn, variabel).isEqualTo("String");
        }
      }
      assertThat(formNamn).as("%s: <form name=…> (Tasklist reads the form's validity by its name)", namn).isTrue();

      if (r.startEvent()) {
        assertThat(html).as("%s (start form, before the case exists) explains the diarienummer", namn)
            .contains("diarienummer");
      } else {
        assertThat(kontext).as("%s: the case at the top", namn).contains("diarienummer", "rubrik", "avsandare", "arendeLank");
        assertThat(hitta(DATA_VISA, html)).as("%s shows", namn).contains("diarienummer", "rubrik", "avsandare");
        assertThat(html).as("%s links to the case's handlingar in a new tab", namn)
            .containsPattern("<a data-lank=\"arendeLank\" target=\"_blank\"[^>]*>Ärendets handlingar</a>");
      }
    }
    assertThat(formulär).as("embedded forms checked").isGreaterThanOrEqualTo(5);
  }

  @Test
  @SuppressWarnings("unchecked")
  void startFormOffersTheConfiguredPartiesAndRoles() throws IOException {
    Map<String, Object> yaml;
    try (var in = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
      yaml = new Yaml().load(in);
    }
    Map<String, Object> organisation = (Map<String, Object>) ((Map<String, Object>) yaml.get("ks")).get("organisation");
    List<String> partier = ((List<Map<String, Object>>) organisation.get("partier")).stream()
        .map(p -> String.valueOf(p.get("kod"))).toList();
    List<String> roller = (List<String>) organisation.get("roller");

    Referens start = referenser.stream().filter(Referens::startEvent).findFirst().orElseThrow();
    String html = Files.readString(FORMS.resolve(start.fil()), StandardCharsets.UTF_8);
    assertThat(alternativ(html, "avsandareParti")).as("parties in %s", start.fil()).containsExactlyElementsOf(partier);
    assertThat(alternativ(html, "avsandareRoll")).as("roles in %s", start.fil()).containsExactlyElementsOf(roller);
  }

  private static boolean arProtokoll(Referens r) {
    // a meeting's forms (the protokoll, the föredragningslista) show the meeting, not one case
    return "protokoll.bpmn".equals(r.modell()) || "foredragningslista.bpmn".equals(r.modell());
  }

  private static void samla(JsonNode node, List<JsonNode> ut) {
    for (JsonNode k : node.path("components")) {
      ut.add(k);
      samla(k, ut);
    }
  }

  private static Set<String> hitta(Pattern p, String text) {
    Set<String> set = new LinkedHashSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      set.add(m.group(1));
    }
    return set;
  }

  private static Map<String, String> attribut(String text) {
    Map<String, String> map = new TreeMap<>();
    Matcher m = Pattern.compile("([a-zA-Z-]+)(?:=\"([^\"]*)\")?").matcher(text);
    while (m.find()) {
      map.put(m.group(1), m.group(2) == null ? "" : m.group(2));
    }
    return map;
  }

  /** The option values (other than the empty one) of the select bound to the variable. */
  private static List<String> alternativ(String html, String variabel) {
    Matcher select = Pattern.compile("<select[^>]*cam-variable-name=\"" + variabel + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
        .matcher(html);
    assertThat(select.find()).as("select for %s", variabel).isTrue();
    List<String> values = new ArrayList<>();
    Matcher option = Pattern.compile("<option value=\"([^\"]*)\"").matcher(select.group(1));
    while (option.find()) {
      if (!option.group(1).isEmpty()) {
        values.add(option.group(1));
      }
    }
    return values;
  }
}
