package se.stockholm.ks.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.stockholm.ks.organisation.Organisation;

/**
 * The OpenAPI document of {@code /api/v1} ({@code /api/v1/openapi}), shaped for client generators
 * as well as for readers: ASCII tags and operation ids (Swedish names in {@code x-displayName} and
 * the summaries), one operation per path and method (JSON and multipart on separate paths), an
 * {@code encoding} for every JSON part of a multipart request, a schema for every header, the
 * problem detail (schema {@code Problem}) on every error answer, the {@code Idempotency-Key}
 * header as one shared parameter, the security schemes (HTTP Basic, a bearer JWT; in the {@code oidc}
 * profile {@code se.stockholm.ks.identitet.OidcOpenApi} adds the OAuth2 client credentials flow with the
 * environment's token address), the licence, and the parties and roles as
 * configured. The document is published as {@code docs/openapi.json}; {@code OpenApiDokumentIT}
 * fails when the two differ.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

  static final String PROBLEM = "Problem";
  /** Tag of registering skrivelser (ASCII: it becomes a class name, {@code SkrivelserApi}). */
  static final String TAGG_SKRIVELSER = "skrivelser";
  /** Tag of following ärenden and their handlingar ({@code ArendenApi}). */
  static final String TAGG_ARENDEN = "arenden";
  /** Tag of the meetings of borgarrådsberedningen and kommunstyrelsen ({@code SammantradenApi}). */
  static final String TAGG_SAMMANTRADEN = "sammantraden";
  /** Tag of the public e-diarium, read without login ({@code PubliktApi}). */
  static final String TAGG_PUBLIKT = "publikt";
  /** Tag of the bevakning (open work, remisser, lead times; kansli and process owners). */
  static final String TAGG_BEVAKNING = "bevakning";
  /** Tag of the archivist's commands: delivery to the e-arkiv, gallring ({@code EarkivApi}). */
  static final String TAGG_EARKIV = "earkiv";
  /** The security scheme of HTTP Basic (the local and postgres profiles; oidc only where allowed). */
  public static final String BASIC = "basic";
  /** The security scheme of a bearer token (JWT) from the city's provider (the oidc profile). */
  public static final String BEARER = "bearer";
  /** The shared parameter {@code Idempotency-Key} in {@code components/parameters}. */
  static final String IDEMPOTENCY_KEY = "IdempotencyKey";
  /** The JSON part of a multipart request is UTF-8 JSON whatever the generator's default. */
  static final String JSON_DEL = "application/json; charset=UTF-8";

  private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  @Bean
  OpenAPI skrivelseprocessenOpenApi() {
    return new OpenAPI()
        .info(new Info()
            .title("Skrivelseprocessen – REST-API för integrationer")
            .version("v1")
            .description("Registrera skrivelser till kommunstyrelsen, följ ärendena och deras handlingar, "
                + "återkalla dem. Diarienumret skrivs i adressen i URL-form (KS-2025-1513) eller kodat "
                + "(KS%202025%2F1513). Fel besvaras med application/problem+json (RFC 9457) med fälten som är "
                + "fel i 'fel'. En fil skickas antingen i JSON (innehållet i base64) eller som multipart "
                + "(adresserna som slutar på /med-fil). Se README.md, avsnittet \"REST-API för integrationer\", "
                + "också för hur en klient genereras ur det här dokumentet.")
            .license(new License().name("EUPL-1.2")
                .url("https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12")))
        // Relative: the API is on the host that serves this document, whichever environment that is
        // (locally http://localhost:8080). A generated client is given its environment's address.
        .addServersItem(new Server().url("/")
            .description("Samma värd som dokumentet (/api/v1/openapi); lokalt http://localhost:8080"))
        .addTagsItem(new Tag().name(TAGG_SKRIVELSER).description("Registrera en skrivelse till kommunstyrelsen")
            .extensions(Map.of("x-displayName", "Skrivelser")))
        .addTagsItem(new Tag().name(TAGG_ARENDEN)
            .description("Följa ett ärende, återkalla det, läsa och lägga till handlingar")
            .extensions(Map.of("x-displayName", "Ärenden")))
        .addTagsItem(new Tag().name(TAGG_SAMMANTRADEN)
            .description("Sammanträden: föredragningslistan med ärendena i ordning, paragraferna och sammanträdets skede")
            .extensions(Map.of("x-displayName", "Sammanträden")))
        .addTagsItem(new Tag().name(TAGG_PUBLIKT)
            .description("Det publika e-diariet: registrerade handlingar enligt OSL 5 kap. 2 §, utan inloggning")
            .extensions(Map.of("x-displayName", "Publikt")))
        .addTagsItem(new Tag().name(TAGG_BEVAKNING)
            .description("Bevakning för KS kansli och processägare: öppna ärenden per fas, remisser och särskilda "
                + "uttalanden som förfaller, ledtider i arbetsdagar")
            .extensions(Map.of("x-displayName", "Bevakning")))
        .addTagsItem(new Tag().name(TAGG_EARKIV)
            .description("Arkivariens kommandon: leverera tidigare ärenden till e-arkivet, rapporten över handlingar "
                + "som får gallras enligt informationshanteringsplanen och gallringsbeslutet")
            .extensions(Map.of("x-displayName", "E-arkiv")))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Profilerna local och postgres: ett konto i processmotorn, t.ex. integrationens "
                    + "tjänstekonto (gruppen integration). I profilen oidc bara om driften slagit på "
                    + "ks.oidc.basic-tillaten, för de tekniska konton som står i ks.oidc.basic-anvandare."))
            .addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Profilen oidc (stadens inloggningstjänst): en åtkomsttoken (JWT) som integrationen "
                    + "hämtar med OAuth2 client credentials från inloggningstjänstens token-slutpunkt. Tokenet ska "
                    + "ha API:ts målgrupp i aud och en app-roll eller ett scope som mappas till gruppen "
                    + "integration. I profilen oidc beskriver dokumentet också flödet med miljöns token-adress "
                    + "(schemat oauth2)."))
            .addParameters(IDEMPOTENCY_KEY, new HeaderParameter().name(Idempotens.RUBRIK).required(false)
                .description("Valfri nyckel, t.ex. ett UUID, som gör en skapande begäran idempotent: samma begäran "
                    + "med samma nyckel ger det första svaret igen (med Idempotent-Replayed: true) och skapar "
                    + "inget nytt. Gäller per användare.")
                .schema(new StringSchema().minLength(1).maxLength(200).example("5b2f0c1e-2c8a-4d7e-9f41-7a6d3e2b1c0f"))))
        // either scheme is enough: Basic in the local profile, a bearer token in the oidc profile
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }

  @Bean
  OpenApiCustomizer problemOchBehorighet(Organisation organisation, ObjectProvider<SpringDocConfigProperties> springdoc) {
    // the schema in the document's own version: a 3.1 schema written into a 3.0 document loses its types
    // (no springdoc without a web server, e.g. in the process tests: then no document either)
    SpringDocConfigProperties installningar = springdoc.getIfAvailable();
    boolean openApi31 = installningar != null
        && installningar.getApiDocs().getVersion() == SpringDocConfigProperties.ApiDocs.OpenApiVersion.OPENAPI_3_1;
    return openApi -> {
      Map<String, Schema> schemas = ModelConverters.getInstance(openApi31).readAll(Dto.Problemdetalj.class);
      schemas.forEach((namn, schema) -> openApi.getComponents().addSchemas(namn, schema));
      Schema<?> avsandare = openApi.getComponents().getSchemas().get("Avsandare");
      if (avsandare != null && avsandare.getProperties() != null) {
        sattVarden(avsandare.getProperties().get("parti"), organisation.partier().stream().map(Organisation.Parti::kod).toList());
        sattVarden(avsandare.getProperties().get("roll"), organisation.roller());
      }
      // the meetings' states and document types, from the enums themselves
      sattVarden(egenskap(openApi, "Sammantrade", "status"), namn(se.stockholm.ks.sammantrade.Sammantradestatus.values()));
      sattVarden(egenskap(openApi, "Punkt", "status"), namn(se.stockholm.ks.sammantrade.Punktstatus.values()));
      sattVarden(egenskap(openApi, "Sammantradesdokument", "typ"),
          namn(se.stockholm.ks.sammantrade.Sammantradesdokument.Dokumenttyp.values()));
      // the archivist's reports: handlingstyper and the batch's outcomes, from the enums themselves
      sattVarden(egenskap(openApi, "GallringsbarHandling", "handlingstyp"),
          namn(se.stockholm.ks.diarium.Handlingstyp.values()));
      sattVarden(egenskap(openApi, "Planrad", "handlingstyp"), namn(se.stockholm.ks.diarium.Handlingstyp.values()));
      sattVarden(egenskap(openApi, "Leveransutfall", "utfall"), namn(se.stockholm.ks.earkiv.Leveransbatch.Utfall.values()));
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().values().forEach(path -> path.readOperations().forEach(op -> {
        parametrar(op);
        delarnasKodning(op);
        standardsvar(op);
      }));
    };
  }

  /**
   * Sets an enum's values, and names for them in code ({@code x-enum-varnames}, which OpenAPI
   * Generator reads): {@code oppositionsborgarråd} becomes {@code OPPOSITIONSBORGARRAD}, not
   * {@code OPPOSITIONSBORGARR_D}.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void sattVarden(Schema schema, List<String> varden) {
    if (schema != null) {
      schema.setEnum(new ArrayList<>(varden));
      schema.addExtension("x-enum-varnames", varden.stream().map(OpenApiConfig::kodnamn).toList());
    }
  }

  @SuppressWarnings("rawtypes")
  private static Schema egenskap(io.swagger.v3.oas.models.OpenAPI openApi, String schema, String egenskap) {
    Schema s = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
        : openApi.getComponents().getSchemas().get(schema);
    return s == null || s.getProperties() == null ? null : (Schema) s.getProperties().get(egenskap);
  }

  private static List<String> namn(Enum<?>[] varden) {
    return java.util.Arrays.stream(varden).map(Enum::name).toList();
  }

  /**
   * @param text a value, e.g. {@code ersättare}
   * @return its name in code: ASCII capitals and underscores ({@code ERSATTARE}); å, ä → A, ö → O
   *     as in the project's identifiers
   */
  static String kodnamn(String text) {
    String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private static void parametrar(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    List<Parameter> parametrar = new ArrayList<>();
    for (Parameter p : operation.getParameters()) {
      if (Idempotens.RUBRIK.equals(p.getName()) && "header".equals(p.getIn())) {
        parametrar.add(new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_KEY));
        continue;
      }
      if ("diarienummer".equals(p.getName()) && "path".equals(p.getIn())) {
        p.setDescription("Diarienumret i URL-form (KS-2025-1513) eller kodat (KS%202025%2F1513)");
        p.setExample("KS-2025-1513");
      } else if ("nummer".equals(p.getName()) && "path".equals(p.getIn())) {
        p.setDescription("Handlingens nummer i ärendet (1 är skrivelsen)");
        p.setExample(1);
      }
      parametrar.add(p);
    }
    operation.setParameters(parametrar);
  }

  /** Every part of a multipart request that is not a file is JSON: say so, or generators send text/plain. */
  private static void delarnasKodning(Operation operation) {
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      return;
    }
    MediaType multipart = operation.getRequestBody().getContent().get("multipart/form-data");
    if (multipart == null || multipart.getSchema() == null || multipart.getSchema().getProperties() == null) {
      return;
    }
    multipart.getSchema().getProperties().forEach((namn, schema) -> {
      Schema<?> s = (Schema<?>) schema;
      if (!"binary".equals(s.getFormat())) {
        multipart.addEncoding((String) namn, new Encoding().contentType(JSON_DEL));
      }
    });
  }

  private static void standardsvar(Operation operation) {
    ApiResponses svar = operation.getResponses();
    Map<String, String> standard = new LinkedHashMap<>();
    standard.put("400", "Ogiltig begäran; fälten som är fel anges i 'fel'");
    standard.put("401", "Inte inloggad: HTTP Basic (profilerna local och postgres) eller en åtkomsttoken "
        + "(Authorization: Bearer, profilen oidc) krävs; svaret har WWW-Authenticate");
    standard.put("403", "Användaren saknar behörighet");
    standard.put("406", "Accept utan application/json");
    standard.put("500", "Oväntat fel; inget har registrerats");
    standard.put("503", "Databasen svarar inte just nu; inget har registrerats. Skicka samma begäran igen "
        + "(med samma Idempotency-Key) efter Retry-After sekunder");
    if (operation.getSecurity() != null && operation.getSecurity().isEmpty()) {
      // read without login (the public e-diarium): no 401, no 403
      standard.remove("401");
      standard.remove("403");
    }
    standard.forEach((kod, beskrivning) -> {
      if (!svar.containsKey(kod)) {
        svar.addApiResponse(kod, new ApiResponse().description(beskrivning));
      }
    });
    svar.forEach((kod, s) -> {
      if ("201".equals(kod)) {
        s.addHeaderObject("Location", new Header().description("Adressen till det som skapades, t.ex. "
            + "/api/v1/arenden/KS-2025-1513").schema(new StringSchema().format("uri-reference")));
        s.addHeaderObject(Idempotens.SVAR_RUBRIK, new Header().description("true när svaret är det sparade svaret på "
            + "en tidigare begäran med samma Idempotency-Key (inget nytt skapades)").schema(new BooleanSchema()));
      }
      if ("503".equals(kod)) {
        s.addHeaderObject("Retry-After", new Header().description("Sekunder att vänta innan begäran skickas igen")
            .schema(new io.swagger.v3.oas.models.media.IntegerSchema()));
      }
      if ("401".equals(kod)) {
        s.addHeaderObject("WWW-Authenticate", new Header().description("Basic realm=\"…\" eller Bearer realm=\"…\"")
            .schema(new StringSchema()));
      }
      if (s.getHeaders() != null) {
        s.getHeaders().values().stream().filter(h -> h.getSchema() == null && h.get$ref() == null)
            .forEach(h -> h.setSchema(new StringSchema()));
      }
      if (kod.matches("[45]\\d\\d")) {
        if (s.getContent() == null) {
          s.setContent(new Content());
        }
        s.getContent().remove("*/*");
        MediaType problem = s.getContent().computeIfAbsent(PROBLEM_JSON, k -> new MediaType());
        problem.setSchema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
      }
    });
  }
}
