package se.stockholm.ks.identitet;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import se.stockholm.ks.api.OpenApiConfig;

/**
 * The API's OpenAPI document ({@code /api/v1/openapi}) in the {@code oidc} profile says how this environment
 * is signed in to: a bearer token (JWT), and the OAuth2 client credentials flow with the token address of the
 * city's provider (from its discovery document) as scheme {@value #OAUTH2}; HTTP Basic only where
 * {@code ks.oidc.basic-tillaten} allows it. The published {@code docs/openapi.json} is the local profile's
 * document, with Basic and the bearer token.
 */
@Configuration(proxyBeanMethods = false)
@Profile(SpringSecurityBaraMedOidc.OIDC)
class OidcOpenApi {

  /** The security scheme of the client credentials flow. */
  static final String OAUTH2 = "oauth2";

  /**
   * @param registreringar the login's registration (the provider's token address)
   * @param installningar the audience, and whether HTTP Basic is allowed
   * @return the customizer of the document's security schemes and requirement
   */
  @Bean
  OpenApiCustomizer oidcSakerhetsscheman(ClientRegistrationRepository registreringar, OidcInstallningar installningar) {
    String tokenadress = registreringar.findByRegistrationId(OidcSakerhetConfig.REGISTRERING).getProviderDetails()
        .getTokenUri();
    return openApi -> {
      openApi.getComponents().addSecuritySchemes(OAUTH2, new SecurityScheme()
          .type(SecurityScheme.Type.OAUTH2)
          .description("En åtkomsttoken från stadens inloggningstjänst med client credentials (klient-id och "
              + "hemlighet från IT). Tokenets aud ska vara " + installningar.malgrupp() + "; klientens app-roll "
              + "eller scope mappas till gruppen integration. Skicka den som Authorization: Bearer.")
          .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenadress).scopes(new Scopes()))));
      List<SecurityRequirement> krav = new ArrayList<>();
      krav.add(new SecurityRequirement().addList(OpenApiConfig.BEARER));
      krav.add(new SecurityRequirement().addList(OAUTH2));
      if (installningar.basicTillaten()) {
        krav.add(new SecurityRequirement().addList(OpenApiConfig.BASIC));
      } else {
        openApi.getComponents().getSecuritySchemes().remove(OpenApiConfig.BASIC);
      }
      openApi.setSecurity(krav);
    };
  }
}
