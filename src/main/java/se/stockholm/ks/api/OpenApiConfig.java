package se.stockholm.ks.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.stockholm.ks.organisation.Organisation;

/**
 * The OpenAPI document of {@code /api/v1} ({@code /api/v1/openapi}): its title and version, HTTP
 * Basic, the problem detail every error answers with (schema {@code Problem}), the answers every
 * operation can give (401, 403, 500), and the parties and roles as configured.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  static final String PROBLEM = "Problem";
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
                + "fel i 'fel'. Se README.md, avsnittet \"REST-API för integrationer\"."))
        .components(new Components().addSecuritySchemes("basic", new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("Ett konto i processmotorn, t.ex. integrationens tjänstekonto (gruppen integration).")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  @Bean
  OpenApiCustomizer problemOchBehorighet(Organisation organisation) {
    return openApi -> {
      Map<String, Schema> schemas = ModelConverters.getInstance(true).readAll(Dto.Problemdetalj.class);
      schemas.forEach((namn, schema) -> openApi.getComponents().addSchemas(namn, schema));
      Schema<?> avsandare = openApi.getComponents().getSchemas().get("Avsandare");
      if (avsandare != null && avsandare.getProperties() != null) {
        sattVarden(avsandare.getProperties().get("parti"), organisation.partier().stream().map(Organisation.Parti::kod).toList());
        sattVarden(avsandare.getProperties().get("roll"), organisation.roller());
      }
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::standardsvar));
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void sattVarden(Schema schema, java.util.List<String> varden) {
    if (schema != null) {
      schema.setEnum(new java.util.ArrayList<>(varden));
    }
  }

  private void standardsvar(Operation operation) {
    if (operation.getParameters() != null) {
      operation.getParameters().forEach(p -> {
        if ("diarienummer".equals(p.getName())) {
          p.setDescription("Diarienumret i URL-form (KS-2025-1513) eller kodat (KS%202025%2F1513)");
          p.setExample("KS-2025-1513");
        } else if ("nummer".equals(p.getName())) {
          p.setDescription("Handlingens nummer i ärendet (1 är skrivelsen)");
          p.setExample(1);
        }
      });
    }
    ApiResponses svar = operation.getResponses();
    Map<String, String> standard = new LinkedHashMap<>();
    standard.put("400", "Ogiltig begäran; fälten som är fel anges i 'fel'");
    standard.put("401", "Inte inloggad: HTTP Basic krävs (svaret har WWW-Authenticate)");
    standard.put("403", "Användaren saknar behörighet");
    standard.put("500", "Oväntat fel; inget har registrerats");
    standard.forEach((kod, beskrivning) -> {
      if (!svar.containsKey(kod)) {
        svar.addApiResponse(kod, new ApiResponse().description(beskrivning));
      }
    });
    svar.forEach((kod, s) -> {
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
