package se.stockholm.ks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import se.stockholm.ks.diarium.DiariumInstallningar;
import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.skrivelse.Skrivelseinlamning;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The contract: the OpenAPI document generated from the code (written to
 * {@code target/openapi.json}) and the README's section "REST-API för integrationer" agree, and
 * both agree with the running application. Every README example (marked
 * {@code <!-- api-exempel: METHOD PATH -->}, its request body in a {@code json} block and its
 * {@code curl} in a {@code bash} block) is sent, in README order, as the {@code integration}
 * user; each must succeed (or give the status of its {@code <!-- api-svar: NNN -->}); every
 * field it sends must be documented in the operation's request schema, every field answered
 * must be documented in the response schema, and the README's answer must match the real one.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIT {

  static final Path README = Path.of("README.md");
  static final Path OPENAPI = Path.of("target", "openapi.json");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern EXEMPEL = Pattern.compile("^<!-- api-exempel: (GET|POST|PUT|DELETE) (\\S+) -->\\s*$");
  static final Pattern SVAR = Pattern.compile("^<!-- api-svar: (\\d{3}) -->\\s*$");
  /** Values in the README's answers that differ from run to run: times, today's deadlines, sizes of generated files. */
  static final Set<String> VARIERAR = Set.of("skapad", "tid", "forfaller", "svarsdatum", "promemoriaSenast",
      "brbSammantrade", "sarskiltUttalandeSistaDag", "ksSammantrade", "justeringsdatum", "anslagsdatum",
      "laglighetsprovningSistaDag", "avslutad", "storlek");

  /** Operations only another group than {@code integration} may use; tested in their own ITs. */
  static final Set<String> ANDRA_GRUPPERS_OPERATIONER = Set.of("GET /api/v1/arenden/{diarienummer}/arkivpaket",
      "POST /api/v1/earkiv/leveranser application/json", "GET /api/v1/earkiv/gallring",
      "POST /api/v1/earkiv/gallringsbeslut application/json");

  @LocalServerPort
  int port;
  @Autowired
  Organisation organisation;
  @Autowired
  se.stockholm.ks.sammantrade.Sammantradesdokument sammantradesdokument;
  @Autowired
  DiariumInstallningar installningar;

  Api api;
  JsonNode openApi;
  String readme;

  /**
   * An example of the README.
   *
   * @param rad the marker's line
   * @param metod the method of the marker
   * @param sokvag the path of the marker, as sent
   * @param json the request body, or null
   * @param curl the curl command
   * @param svarStatus the documented status, or null for success
   * @param svar the documented answer, or null
   */
  record Exempel(int rad, String metod, String sokvag, String json, String curl, Integer svarStatus, String svar) {
    @Override
    public String toString() {
      return "README.md:" + rad + " " + metod + " " + sokvag;
    }
  }

  /**
   * A curl command, read as a shell would.
   *
   * @param metod the method
   * @param sokvag the path with its query
   * @param anvandare the -u value
   * @param headers the -H headers
   * @param dataFil the file of --data-binary/-d @file, or null
   * @param delar the -F parts: name → value ({@code @fil;type=…})
   */
  record Curl(String metod, String sokvag, String anvandare, Map<String, String> headers, String dataFil,
              Map<String, String> delar) {
  }

  @BeforeAll
  void hamtaOpenApiDokumentet() throws IOException {
    // the README's meeting example: kommunstyrelsen's meeting of 2026-03-18 with its föredragningslista
    sammantradesdokument.upprattaForedragningslista(se.stockholm.ks.sammantrade.Organ.KS,
        java.time.LocalDate.parse("2026-03-18"), "readme-exempel", null);
    api = new Api(port);
    Api.Svar svar = api.get(null, "/api/v1/openapi");
    assertThat(svar.status()).as("OpenAPI-dokumentet utan inloggning").isEqualTo(200);
    openApi = svar.json();
    Files.createDirectories(OPENAPI.getParent());
    Files.writeString(OPENAPI, JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(openApi));
    readme = Files.readString(README, StandardCharsets.UTF_8);
  }

  @Test
  void theOpenApiDocumentIsGeneratedWithSchemasForEveryAnswer() throws IOException {
    JsonNode skrivet = JSON.readTree(OPENAPI.toFile());
    assertThat(skrivet.path("openapi").asText()).startsWith("3.");
    assertThat(skrivet.path("info").path("version").asText()).isEqualTo("v1");
    assertThat(skrivet.path("info").path("title").asText()).contains("Skrivelseprocessen");
    assertThat(skrivet.path("components").path("securitySchemes").path("basic").path("scheme").asText()).isEqualTo("basic");
    SoftAssertions soft = new SoftAssertions();
    skrivet.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      String namn = op.getKey().toUpperCase() + " " + path.getKey();
      soft.assertThat(path.getKey()).as(namn).startsWith("/api/v1/");
      soft.assertThat(op.getValue().path("summary").asText()).as(namn + " summary").isNotBlank();
      // every operation needs a login (401) except those documented with an empty security requirement
      // (the public e-diarium)
      boolean publik = op.getValue().has("security") && op.getValue().path("security").isEmpty();
      soft.assertThat(op.getValue().path("responses").has("401")).as(namn + " 401").isNotEqualTo(publik);
      op.getValue().path("responses").fields().forEachRemaining(r -> {
        JsonNode content = r.getValue().path("content");
        if (r.getKey().startsWith("2")) {
          content.fields().forEachRemaining(c -> {
            JsonNode schema = upplost(c.getValue().path("schema"));
            soft.assertThat(schema.has("properties") || schema.has("items") || "binary".equals(schema.path("format").asText()))
                .as("%s %s %s: ett dokumenterat schema, inte bara 'object'", namn, r.getKey(), c.getKey()).isTrue();
          });
        } else {
          soft.assertThat(content.path("application/problem+json").path("schema").path("$ref").asText())
              .as("%s %s: problem+json med schemat Problem", namn, r.getKey()).isEqualTo("#/components/schemas/Problem");
        }
      });
    }));
    soft.assertAll();
  }

  /**
   * What client generators need (issue 25): names that are identifiers in every language, one
   * request form per operation, the JSON parts of multipart requests declared as JSON, a schema for
   * every header, the Idempotency-Key parameter on every creating request, a licence and the
   * security scheme.
   */
  @Test
  void theOpenApiDocumentServesClientGenerators() {
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(openApi.path("openapi").asText()).as("OpenAPI 3.0 (what every generator reads)").startsWith("3.0.");
    soft.assertThat(openApi.path("info").path("license").path("name").asText()).isEqualTo("EUPL-1.2");
    soft.assertThat(openApi.path("info").path("license").path("url").asText()).startsWith("https://");
    soft.assertThat(openApi.path("security").toString()).contains("\"basic\"");
    Set<String> taggar = new LinkedHashSet<>();
    openApi.path("tags").forEach(t -> {
      taggar.add(t.path("name").asText());
      soft.assertThat(t.path("name").asText()).as("tagg").matches("[a-z]+");
      soft.assertThat(t.path("x-displayName").asText()).as("x-displayName för %s", t.path("name")).isNotBlank();
      soft.assertThat(t.path("description").asText()).as("description för %s", t.path("name")).isNotBlank();
    });
    soft.assertThat(taggar).containsExactlyInAnyOrder("skrivelser", "arenden", "sammantraden", "bevakning", "publikt",
        "earkiv");
    Set<String> operationIds = new LinkedHashSet<>();
    openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(o -> {
      String namn = o.getKey().toUpperCase() + " " + path.getKey();
      JsonNode op = o.getValue();
      String id = op.path("operationId").asText();
      soft.assertThat(id).as("%s: operationId", namn).matches("[a-z][A-Za-z0-9]*");
      soft.assertThat(operationIds.add(id)).as("%s: operationId %s unikt", namn, id).isTrue();
      op.path("tags").forEach(t -> soft.assertThat(taggar).as("%s: taggen %s definierad", namn, t).contains(t.asText()));
      JsonNode body = op.path("requestBody").path("content");
      soft.assertThat(body.size()).as("%s: en form av begäran per operation (%s)", namn, body).isLessThanOrEqualTo(1);
      JsonNode multipart = body.path("multipart/form-data");
      if (!multipart.isMissingNode()) {
        upplost(multipart.path("schema")).path("properties").fields().forEachRemaining(del -> {
          if (!"binary".equals(del.getValue().path("format").asText())) {
            soft.assertThat(multipart.path("encoding").path(del.getKey()).path("contentType").asText())
                .as("%s: delen %s som JSON i UTF-8 (encoding)", namn, del.getKey())
                .isEqualTo("application/json; charset=UTF-8");
          }
        });
      }
      if (op.path("responses").has("201")) {
        soft.assertThat(op.path("parameters").toString()).as("%s: Idempotency-Key", namn)
            .contains("#/components/parameters/IdempotencyKey");
      }
      op.path("responses").fields().forEachRemaining(r -> r.getValue().path("headers").fields().forEachRemaining(h ->
          soft.assertThat(h.getValue().has("schema") || h.getValue().has("$ref"))
              .as("%s %s: rubriken %s har ett schema", namn, r.getKey(), h.getKey()).isTrue()));
    }));
    soft.assertThat(operationIds).contains("registreraSkrivelse", "registreraSkrivelseMedFil", "hamtaArende",
        "listaHandlingar", "hamtaHandling", "laddaNedHandling", "laggTillHandling", "laggTillHandlingMedFil",
        "aterkallaSkrivelse", "listaHandelser");
    JsonNode idempotens = openApi.path("components").path("parameters").path("IdempotencyKey");
    soft.assertThat(idempotens.path("name").asText()).isEqualTo("Idempotency-Key");
    soft.assertThat(idempotens.path("in").asText()).isEqualTo("header");
    soft.assertThat(idempotens.path("schema").path("maxLength").asInt()).isEqualTo(200);
    // the file is optional in the multipart registration, required when a handling is added
    soft.assertThat(texter(upplost(openApi.at("/paths/~1api~1v1~1skrivelser~1med-fil/post/requestBody/content/"
        + "multipart~1form-data/schema")).path("required"))).containsExactly("skrivelse");
    soft.assertThat(texter(upplost(openApi.at("/paths/~1api~1v1~1arenden~1{diarienummer}~1handlingar~1med-fil/post/"
        + "requestBody/content/multipart~1form-data/schema")).path("required"))).containsExactlyInAnyOrder("handling", "fil");
    // names in code: schemas, properties and enum constants in ASCII
    openApi.path("components").path("schemas").fields().forEachRemaining(sc -> {
      soft.assertThat(sc.getKey()).as("schemanamn").matches("[A-Z][A-Za-z0-9]*");
      soft.assertThat(sc.getValue().path("type").asText()).as("%s: type", sc.getKey()).isEqualTo("object");
      sc.getValue().path("properties").fields().forEachRemaining(p -> {
        soft.assertThat(p.getKey()).as("%s.%s", sc.getKey(), p.getKey()).matches("[a-z][A-Za-z0-9]*");
        soft.assertThat(p.getValue().has("type") || p.getValue().has("$ref"))
            .as("%s.%s: en typ (annars blir den Object i en genererad klient): %s", sc.getKey(), p.getKey(), p.getValue())
            .isTrue();
        JsonNode varden = p.getValue().path("enum");
        if (varden.size() > 0) {
          List<String> kodnamn = texter(p.getValue().path("x-enum-varnames"));
          soft.assertThat(kodnamn).as("%s.%s: x-enum-varnames", sc.getKey(), p.getKey()).hasSameSizeAs(texter(varden))
              .allMatch(k -> k.matches("[A-Z][A-Z0-9_]*"));
        }
      });
    });
    soft.assertThat(texter(schema("Avsandare").path("properties").path("roll").path("x-enum-varnames")))
        .contains("OPPOSITIONSBORGARRAD", "ERSATTARE");
    soft.assertAll();
  }

  @Test
  void theLimitsInTheOpenApiDocumentAreTheApplicationsOwn() {
    JsonNode ny = schema("NySkrivelse").path("properties");
    JsonNode avs = schema("Avsandare").path("properties");
    assertThat(ny.path("rubrik").path("maxLength").asInt()).isEqualTo(Skrivelseinlamning.MAX_RUBRIK);
    assertThat(avs.path("namn").path("maxLength").asInt()).isEqualTo(Skrivelseinlamning.MAX_NAMN);
    assertThat(ny.path("fragor").path("maxItems").asInt()).isEqualTo(Skrivelseinlamning.MAX_FRAGOR);
    assertThat(ny.path("fragor").path("items").path("maxLength").asInt()).isEqualTo(Skrivelseinlamning.MAX_FRAGA);
    assertThat(ny.path("text").path("maxLength").asInt()).isEqualTo(installningar.maxTextlangd());
    assertThat(texter(avs.path("parti").path("enum")))
        .containsExactlyElementsOf(organisation.partier().stream().map(Organisation.Parti::kod).toList());
    assertThat(texter(avs.path("roll").path("enum"))).containsExactlyElementsOf(organisation.roller());
    assertThat(schema("NySkrivelse").path("required").toString()).contains("rubrik", "avsandare");
  }

  @Test
  void theReadmeStatesTheApplicationsLimits() {
    String avsnitt = avsnitt("### Gränser");
    assertThat(avsnitt)
        .contains("`rubrik` | obligatorisk, högst " + Skrivelseinlamning.MAX_RUBRIK + " tecken")
        .contains("`avsandare.namn` | obligatoriskt, högst " + Skrivelseinlamning.MAX_NAMN + " tecken")
        .contains("högst " + Skrivelseinlamning.MAX_FRAGOR + " frågor, var och en en text om högst "
            + svensktTal(Skrivelseinlamning.MAX_FRAGA) + " tecken")
        .contains("högst " + svensktTal(installningar.maxTextlangd()) + " tecken")
        .contains("högst " + installningar.maxFilstorlek().toMegabytes() + " MB")
        .contains("högst " + BegaransStorlek.MAX_JSON_MB + " MB")
        .contains(String.join(", ", organisation.partier().stream().map(Organisation.Parti::kod).toList()))
        .contains(String.join(", ", organisation.roller()));
    // the messages of Innehallskontroll, word for word (line breaks aside)
    String text = readme.replaceAll("\\s*\n\\s*", " ");
    assertThat(text).contains("är tom (0 byte). Bifoga filen på nytt.")
        .contains("som inte tas emot. Tillåtna typer: PDF, Word, OpenDocument, RTF, text, PNG och JPEG.")
        .contains("största tillåtna storlek är 25,0 MB. Dela upp eller komprimera filen.");
  }

  @Test
  void theReadmeDocumentsTheEngineRestStartsVariableContract() {
    String avsnitt = avsnitt("### Starta via motorns REST-API");
    Map<String, List<String>> dokumenterat = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\| `(\\w+)` \\| ([^|]+) \\|").matcher(avsnitt);
    while (m.find()) {
      dokumenterat.put(m.group(1), List.of(m.group(2).strip().split(" eller ")));
    }
    assertThat(dokumenterat).isEqualTo(Skrivelseinlamning.VARIABELTYPER);
  }

  @Test
  void everyReadmeExampleWorksAndAgreesWithTheOpenApiDocument() {
    List<Exempel> exempel = exempel(readme);
    assertThat(exempel).as("exemplen i README.md").hasSizeGreaterThanOrEqualTo(10);
    Set<String> tackta = new LinkedHashSet<>();
    for (Exempel e : exempel) {
      Curl curl = curl(e.curl());
      assertThat(curl.metod()).as("%s: curl-kommandots metod", e).isEqualTo(e.metod());
      assertThat(curl.sokvag()).as("%s: curl-kommandots adress", e).isEqualTo(e.sokvag());
      // as the integration; the bevakning as a process owner (README "Bevakning"); what only the registrator
      // does (secrecy marks) as the registrator; an operation documented without login (the public
      // e-diarium) without credentials
      JsonNode op = e.sokvag().startsWith("/engine-rest/") ? null : operation(e.metod(), e.sokvag());
      boolean publik = op != null && op.has("security") && op.path("security").isEmpty();
      assertThat(curl.anvandare()).as("%s: curl som integrationen", e)
          .isIn(publik ? new String[] {null} : e.sokvag().startsWith("/api/v1/bevakning")
              ? new String[] {"processagare:demo"} : new String[] {"integration:demo", "registrator:demo"});

      Api.Svar svar = skicka(e, curl);

      int vantat = e.svarStatus() == null ? 0 : e.svarStatus();
      if (vantat == 0) {
        assertThat(svar.status()).as("%s: %s", e, svar).isBetween(200, 299);
      } else {
        assertThat(svar.status()).as("%s: %s", e, svar).isEqualTo(vantat);
      }
      if (e.sokvag().startsWith("/engine-rest/")) {
        kontrolleraMotorstart(e, svar);
      } else {
        JsonNode operation = operation(e.metod(), e.sokvag());
        assertThat(operation).as("%s: operationen i OpenAPI-dokumentet", e).isNotNull();
        String typ = !curl.delar().isEmpty() ? "multipart/form-data" : e.json() != null ? "application/json" : null;
        if (e.json() != null) {
          kontrolleraBegaran(e, curl, operation, typ);
        }
        kontrolleraSvar(e, operation, svar);
        if (svar.status() < 300) {
          tackta.add(e.metod() + " " + mall(e.sokvag()) + (typ == null ? "" : " " + typ));
        }
      }
      if (e.svar() != null) {
        JsonNode dokumenterat = json(e.svar(), e + " (svaret)");
        List<String> fel = new ArrayList<>();
        jamfor(dokumenterat, svar.json(), "$", fel);
        assertThat(fel).as("%s: README:s svar jämfört med det verkliga %s", e, svar.text()).isEmpty();
      }
    }
    Set<String> operationer = new LinkedHashSet<>();
    openApi.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
      JsonNode body = op.getValue().path("requestBody").path("content");
      if (!body.isMissingNode() && body.size() > 0) {
        body.fieldNames().forEachRemaining(t -> operationer.add(op.getKey().toUpperCase() + " " + p.getKey() + " " + t));
      } else {
        operationer.add(op.getKey().toUpperCase() + " " + p.getKey());
      }
    }));
    // operations for another group than the integration's (the archivist's arkivpaket, batch and gallring):
    // their examples cannot run as the integration; ArkivpaketIT and EarkivIT send them through every group
    operationer.removeAll(ANDRA_GRUPPERS_OPERATIONER);
    assertThat(tackta).as("operationer med ett lyckat exempel i README").containsAll(operationer);
  }

  // --- the examples ------------------------------------------------------------------------------

  static List<Exempel> exempel(String readme) {
    String[] rader = readme.split("\n", -1);
    List<Exempel> lista = new ArrayList<>();
    for (int i = 0; i < rader.length; i++) {
      Matcher m = EXEMPEL.matcher(rader[i]);
      if (!m.matches()) {
        continue;
      }
      String json = null;
      String curl = null;
      Integer svarStatus = null;
      String svar = null;
      int j = i + 1;
      for (; j < rader.length && !EXEMPEL.matcher(rader[j]).matches() && !rader[j].startsWith("#"); j++) {
        Matcher s = SVAR.matcher(rader[j]);
        if (s.matches()) {
          svarStatus = Integer.valueOf(s.group(1));
          int[] slut = new int[1];
          svar = block(rader, j + 1, "```json", slut);
          j = slut[0];
        } else if (rader[j].startsWith("```json") && curl == null && json == null) {
          int[] slut = new int[1];
          json = block(rader, j, "```json", slut);
          j = slut[0];
        } else if (rader[j].startsWith("```bash")) {
          int[] slut = new int[1];
          curl = block(rader, j, "```bash", slut);
          j = slut[0];
        }
      }
      assertThat(curl).as("README.md:%d: ett ```bash-block med curl efter markeringen", i + 1).isNotNull();
      lista.add(new Exempel(i + 1, m.group(1), m.group(2), json, curl, svarStatus, svar));
      i = j - 1;
    }
    return lista;
  }

  private static String block(String[] rader, int start, String oppning, int[] slut) {
    assertThat(rader[start]).as("README.md:%d", start + 1).startsWith(oppning);
    StringBuilder b = new StringBuilder();
    int i = start + 1;
    for (; !rader[i].startsWith("```"); i++) {
      b.append(rader[i]).append('\n');
    }
    slut[0] = i;
    return b.toString();
  }

  static Curl curl(String kommando) {
    List<String> ord = ord(kommando.replace("\\\n", " "));
    assertThat(ord.get(0)).isEqualTo("curl");
    String metod = null;
    String url = null;
    String anvandare = null;
    String dataFil = null;
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, String> delar = new LinkedHashMap<>();
    for (int i = 1; i < ord.size(); i++) {
      String o = ord.get(i);
      switch (o) {
        case "-X", "--request" -> metod = ord.get(++i);
        case "-u", "--user" -> anvandare = ord.get(++i);
        case "-H", "--header" -> {
          String[] h = ord.get(++i).split(":\\s*", 2);
          headers.put(h[0], h[1]);
        }
        case "-d", "--data", "--data-binary" -> dataFil = ord.get(++i).substring(1);
        case "-F", "--form" -> {
          String[] f = ord.get(++i).split("=", 2);
          delar.put(f[0], f[1]);
        }
        case "-o", "-D", "--output", "--dump-header" -> i++;
        default -> {
          if (o.startsWith("http")) {
            url = o;
          } else {
            assertThat(o).as("curl-flagga som testet inte känner: %s", o).matches("-[sSiOJfL]+");
          }
        }
      }
    }
    assertThat(url).as(kommando).startsWith("http://localhost:8080/");
    if (metod == null) {
      metod = dataFil != null || !delar.isEmpty() ? "POST" : "GET";
    }
    return new Curl(metod, url.substring("http://localhost:8080".length()), anvandare, headers, dataFil, delar);
  }

  /** Splits a command line as a POSIX shell does: single and double quotes, no expansion. */
  static List<String> ord(String rad) {
    List<String> ord = new ArrayList<>();
    StringBuilder b = null;
    char citat = 0;
    for (char c : rad.toCharArray()) {
      if (citat != 0) {
        if (c == citat) {
          citat = 0;
        } else {
          b.append(c);
        }
      } else if (c == '\'' || c == '"') {
        citat = c;
        if (b == null) {
          b = new StringBuilder();
        }
      } else if (Character.isWhitespace(c)) {
        if (b != null) {
          ord.add(b.toString());
          b = null;
        }
      } else {
        if (b == null) {
          b = new StringBuilder();
        }
        b.append(c);
      }
    }
    if (b != null) {
      ord.add(b.toString());
    }
    return ord;
  }

  private Api.Svar skicka(Exempel e, Curl curl) {
    String anvandare = curl.anvandare() == null ? null : curl.anvandare().split(":")[0];
    String[] headers = curl.headers().entrySet().stream()
        .filter(h -> !h.getKey().equalsIgnoreCase("Content-Type"))
        .flatMap(h -> java.util.stream.Stream.of(h.getKey(), h.getValue())).toArray(String[]::new);
    if (!curl.delar().isEmpty()) {
      Api.Multipart multipart = new Api.Multipart();
      curl.delar().forEach((namn, varde) -> {
        String[] delar = varde.split(";type=", 2);
        assertThat(delar[0]).as("%s: -F %s=@fil", e, namn).startsWith("@");
        String fil = delar[0].substring(1);
        if (fil.endsWith(".json")) {
          assertThat(e.json()).as("%s: JSON-blocket till %s", e, fil).isNotNull();
          assertThat(delar.length > 1 ? delar[1] : null).as("%s: delen %s med type=application/json", e, namn)
              .isEqualTo("application/json");
          multipart.json(namn, e.json());
        } else {
          assertThat(fil).as("%s: exemplets fil", e).endsWith(".pdf");
          multipart.del(namn, fil, "application/pdf", pdf(fil));
        }
      });
      return api.postMultipart(anvandare, curl.sokvag(), multipart, headers);
    }
    if (curl.dataFil() != null) {
      assertThat(e.json()).as("%s: JSON-blocket till %s", e, curl.dataFil()).isNotNull();
      assertThat(curl.headers().get("Content-Type")).as("%s: Content-Type", e).isEqualTo("application/json");
      return api.send(anvandare, curl.metod(), curl.sokvag(), "application/json",
          e.json().getBytes(StandardCharsets.UTF_8), headers);
    }
    return api.send(anvandare, curl.metod(), curl.sokvag(), null, null, headers);
  }

  /** A small valid PDF standing in for the example's file. */
  static byte[] pdf(String namn) {
    try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var ut = new java.io.ByteArrayOutputStream()) {
      var sida = new org.apache.pdfbox.pdmodel.PDPage();
      doc.addPage(sida);
      try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, sida)) {
        cs.beginText();
        cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
            org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(50, 700);
        cs.showText(namn.replaceAll("[^\\x20-\\x7e]", "?"));
        cs.endText();
      }
      doc.save(ut);
      return ut.toByteArray();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  // --- checks ------------------------------------------------------------------------------------

  private void kontrolleraBegaran(Exempel e, Curl curl, JsonNode operation, String typ) {
    JsonNode content = operation.path("requestBody").path("content").path(typ);
    assertThat(content.isMissingNode()).as("%s: OpenAPI tar emot %s", e, typ).isFalse();
    JsonNode schema = content.path("schema");
    if ("multipart/form-data".equals(typ)) {
      String del = curl.delar().entrySet().stream().filter(d -> d.getValue().contains(".json")).findFirst()
          .orElseThrow().getKey();
      assertThat(curl.delar().keySet()).as("%s: delarna", e)
          .isSubsetOf(iterable(upplost(schema).path("properties").fieldNames()));
      schema = upplost(schema).path("properties").path(del);
    }
    List<String> fel = new ArrayList<>();
    validera(json(e.json(), e.toString()), schema, "$", fel, e.svarStatus() == null || e.svarStatus() < 300);
    assertThat(fel).as("%s: exemplets fält mot OpenAPI-schemat", e).isEmpty();
  }

  private void kontrolleraSvar(Exempel e, JsonNode operation, Api.Svar svar) {
    JsonNode response = operation.path("responses").path(String.valueOf(svar.status()));
    assertThat(response.isMissingNode()).as("%s: status %d dokumenterad", e, svar.status()).isFalse();
    String typ = svar.contentType().split(";")[0].strip();
    JsonNode content = response.path("content").path(typ);
    if (content.isMissingNode()) {
      content = response.path("content").path("*/*");
    }
    assertThat(content.isMissingNode()).as("%s: svarets Content-Type %s dokumenterad", e, typ).isFalse();
    if (typ.endsWith("json")) {
      List<String> fel = new ArrayList<>();
      validera(svar.json(), content.path("schema"), "$", fel, false);
      assertThat(fel).as("%s: svaret %s mot OpenAPI-schemat", e, svar.text()).isEmpty();
    } else {
      assertThat(svar.header("X-Checksum-SHA256")).as("%s: kontrollsumma", e)
          .isEqualTo(se.stockholm.ks.diarium.Innehallskontroll.sha256(svar.body()));
      assertThat(svar.header("Repr-Digest")).startsWith("sha-256=:");
      assertThat(svar.header("Content-Disposition")).startsWith("attachment; filename=\"");
    }
  }

  private void kontrolleraMotorstart(Exempel e, Api.Svar svar) {
    JsonNode variabler = json(e.json(), e.toString()).path("variables");
    variabler.fields().forEachRemaining(v -> {
      assertThat(Skrivelseinlamning.VARIABELTYPER).as("%s: variabeln %s i kontraktet", e, v.getKey()).containsKey(v.getKey());
      assertThat(Skrivelseinlamning.VARIABELTYPER.get(v.getKey())).as("%s: typen för %s", e, v.getKey())
          .contains(v.getValue().path("type").asText());
    });
    String businessKey = svar.json().path("businessKey").asText();
    assertThat(se.stockholm.ks.diarium.Diarienummer.parse(businessKey).toString()).isEqualTo(businessKey);
    assertThat(api.get("integration", "/api/v1/arenden/" + se.stockholm.ks.diarium.Diarienummer.parse(businessKey)
        .urlForm()).status()).isEqualTo(200);
  }

  /**
   * Validates a value against a schema: every field documented, types as documented; for a
   * request also maxLength, maxItems, enum and (when {@code fullstandig}) required.
   */
  private void validera(JsonNode varde, JsonNode schemaNod, String sokvag, List<String> fel, boolean fullstandig) {
    JsonNode schema = upplost(schemaNod);
    if (varde == null || varde.isNull()) {
      return;
    }
    Set<String> typer = new LinkedHashSet<>();
    if (schema.path("type").isArray()) {
      schema.path("type").forEach(t -> typer.add(t.asText()));
    } else if (schema.has("type")) {
      typer.add(schema.path("type").asText());
    } else if (schema.has("properties")) {
      typer.add("object");
    }
    if (typer.isEmpty()) {
      fel.add(sokvag + ": inget schema dokumenterat");
      return;
    }
    boolean ratt = typer.stream().anyMatch(t -> switch (t) {
      case "string" -> varde.isTextual();
      case "integer" -> varde.isIntegralNumber();
      case "number" -> varde.isNumber();
      case "boolean" -> varde.isBoolean();
      case "array" -> varde.isArray();
      case "object" -> varde.isObject();
      default -> false;
    });
    if (!ratt) {
      fel.add(sokvag + ": " + varde.getNodeType() + " men dokumenterat " + typer);
      return;
    }
    if (varde.isTextual() && schema.has("maxLength") && varde.asText().length() > schema.path("maxLength").asInt()) {
      fel.add(sokvag + ": längre än maxLength " + schema.path("maxLength").asInt());
    }
    if (varde.isTextual() && schema.has("enum") && !texter(schema.path("enum")).contains(varde.asText())
        && fullstandig) {
      fel.add(sokvag + ": '" + varde.asText() + "' är inget av " + schema.path("enum"));
    }
    if (varde.isArray()) {
      if (schema.has("maxItems") && varde.size() > schema.path("maxItems").asInt()) {
        fel.add(sokvag + ": fler än maxItems " + schema.path("maxItems").asInt());
      }
      for (int i = 0; i < varde.size(); i++) {
        validera(varde.get(i), schema.path("items"), sokvag + "[" + i + "]", fel, fullstandig);
      }
    }
    if (varde.isObject()) {
      JsonNode properties = schema.path("properties");
      varde.fields().forEachRemaining(f -> {
        if (!properties.has(f.getKey())) {
          fel.add(sokvag + "." + f.getKey() + ": odokumenterat fält (dokumenterade: "
              + iterable(properties.fieldNames()) + ")");
        } else {
          validera(f.getValue(), properties.path(f.getKey()), sokvag + "." + f.getKey(), fel, fullstandig);
        }
      });
      if (fullstandig) {
        schema.path("required").forEach(r -> {
          if (!varde.has(r.asText())) {
            fel.add(sokvag + "." + r.asText() + ": obligatoriskt men saknas");
          }
        });
      }
    }
  }

  /** The README's answer against the real one: every field there, every value the same unless it varies. */
  private static void jamfor(JsonNode readme, JsonNode verklig, String sokvag, List<String> fel) {
    if (readme.isObject()) {
      readme.fields().forEachRemaining(f -> {
        if (!verklig.has(f.getKey())) {
          fel.add(sokvag + "." + f.getKey() + ": finns inte i det verkliga svaret");
        } else if (!VARIERAR.contains(f.getKey())) {
          jamfor(f.getValue(), verklig.get(f.getKey()), sokvag + "." + f.getKey(), fel);
        }
      });
    } else if (readme.isArray()) {
      if (!verklig.isArray() || verklig.size() < readme.size()) {
        fel.add(sokvag + ": en lista med minst " + readme.size() + " element väntades");
        return;
      }
      for (int i = 0; i < readme.size(); i++) {
        jamfor(readme.get(i), verklig.get(i), sokvag + "[" + i + "]", fel);
      }
    } else if (!"…".equals(readme.asText()) && !readme.equals(verklig)) {
      fel.add(sokvag + ": README " + readme + ", verkligt " + verklig);
    }
  }

  // --- the OpenAPI document ------------------------------------------------------------------------

  private JsonNode operation(String metod, String sokvag) {
    String mall = mall(sokvag);
    return mall == null ? null : openApi.path("paths").path(mall).path(metod.toLowerCase());
  }

  /**
   * @return the OpenAPI path template the path matches, or null; of several the most literal
   *     ({@code …/handlingar/med-fil} before {@code …/handlingar/{nummer}}), as Spring MVC chooses
   */
  private String mall(String sokvag) {
    String basta = null;
    for (Iterator<String> it = openApi.path("paths").fieldNames(); it.hasNext(); ) {
      String mall = it.next();
      String regex = Pattern.quote(mall).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      if (sokvag.split("\\?")[0].matches(regex) && (basta == null || variabler(mall) < variabler(basta))) {
        basta = mall;
      }
    }
    return basta;
  }

  private static long variabler(String mall) {
    return mall.chars().filter(c -> c == '{').count();
  }

  private JsonNode upplost(JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.path("$ref").asText();
      schema = openApi.at(ref.substring(1));
    }
    return schema;
  }

  private JsonNode schema(String namn) {
    return openApi.path("components").path("schemas").path(namn);
  }

  private String avsnitt(String rubrik) {
    int start = readme.indexOf("\n" + rubrik + "\n");
    assertThat(start).as("README: %s", rubrik).isPositive();
    int slut = readme.indexOf("\n#", start + rubrik.length() + 2);
    return readme.substring(start, slut < 0 ? readme.length() : slut);
  }

  private static JsonNode json(String text, String var) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(var + ": ogiltig JSON i README: " + e.getMessage(), e);
    }
  }

  private static List<String> texter(JsonNode array) {
    List<String> l = new ArrayList<>();
    array.forEach(n -> l.add(n.asText()));
    return l;
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }

  private static String svensktTal(int tal) {
    return String.format(java.util.Locale.ROOT, "%,d", tal).replace(',', ' ');
  }
}
