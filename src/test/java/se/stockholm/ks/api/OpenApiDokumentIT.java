package se.stockholm.ks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The contract in the repository, {@code docs/openapi.json}, is the running application's OpenAPI
 * document ({@code /api/v1/openapi}): a change of the API is a change of that file, seen in
 * review, and the client integrators generate from it (and {@code GenereradKlientIT}) is the
 * client of the application as it is. With {@code -Dks.openapi.skriv=true} (the Maven profile
 * {@code openapi-dokument}: {@code ./mvnw verify -Dks.openapi.skriv=true}) the test writes the
 * file instead of failing.
 */
@IntegrationTest
class OpenApiDokumentIT {

  /** The published contract. */
  static final Path PUBLICERAT = Path.of("docs", "openapi.json");
  /** System property: write the running application's document to {@link #PUBLICERAT}. */
  static final String SKRIV = "ks.openapi.skriv";
  static final String KOMMANDO = "./mvnw verify -D" + SKRIV + "=true";

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void thePublishedContractIsTheRunningApplicationsDocument() throws IOException {
    Api.Svar svar = new Api(port).get(null, "/api/v1/openapi");
    assertThat(svar.status()).as("OpenAPI-dokumentet utan inloggning").isEqualTo(200);
    JsonNode levande = svar.json();
    if (Boolean.getBoolean(SKRIV)) {
      Files.createDirectories(PUBLICERAT.getParent());
      Files.writeString(PUBLICERAT, text(levande), StandardCharsets.UTF_8);
    }
    assertThat(PUBLICERAT).as("Det publicerade OpenAPI-dokumentet saknas. Skriv det med: %s", KOMMANDO).exists();
    JsonNode publicerat = JSON.readTree(Files.readString(PUBLICERAT, StandardCharsets.UTF_8));
    List<String> skillnader = new ArrayList<>();
    jamfor(publicerat, levande, "", skillnader);
    assertThat(skillnader)
        .as("%s skiljer sig från applikationens OpenAPI-dokument (/api/v1/openapi). Är ändringen av kontraktet "
            + "avsiktlig: skriv om filen med %s, granska skillnaden och checka in den (integratörernas klienter "
            + "genereras ur filen). Skillnader (JSON Pointer, högst 20)", PUBLICERAT, KOMMANDO)
        .isEmpty();
    assertThat(Files.readString(PUBLICERAT, StandardCharsets.UTF_8))
        .as("%s i sitt vanliga format (skriv om med %s)", PUBLICERAT, KOMMANDO).isEqualTo(text(levande));
  }

  /**
   * @param dokument the document
   * @return it as the file holds it: sorted as the application writes it, two spaces of indent,
   *     UTF-8 (åäö as themselves), a final newline
   */
  static String text(JsonNode dokument) throws IOException {
    DefaultPrettyPrinter skrivare = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
        .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    return JSON.writer(skrivare).writeValueAsString(dokument) + "\n";
  }

  /** The places where the two documents differ, as JSON Pointers (at most 20). */
  private static void jamfor(JsonNode publicerat, JsonNode levande, String pekare, List<String> skillnader) {
    if (skillnader.size() >= 20 || publicerat.equals(levande)) {
      return;
    }
    if (publicerat.isObject() && levande.isObject()) {
      Set<String> namn = new LinkedHashSet<>();
      publicerat.fieldNames().forEachRemaining(namn::add);
      levande.fieldNames().forEachRemaining(namn::add);
      for (String n : namn) {
        String p = pekare + "/" + n.replace("~", "~0").replace("/", "~1");
        if (!publicerat.has(n)) {
          skillnader.add(p + ": ny i applikationen");
        } else if (!levande.has(n)) {
          skillnader.add(p + ": finns inte längre i applikationen");
        } else {
          jamfor(publicerat.get(n), levande.get(n), p, skillnader);
        }
      }
    } else if (publicerat.isArray() && levande.isArray() && publicerat.size() == levande.size()) {
      Iterator<JsonNode> a = publicerat.elements();
      Iterator<JsonNode> b = levande.elements();
      for (int i = 0; a.hasNext(); i++) {
        jamfor(a.next(), b.next(), pekare + "/" + i, skillnader);
      }
    } else {
      skillnader.add(pekare + ": " + kort(publicerat) + " i filen, " + kort(levande) + " i applikationen");
    }
  }

  private static String kort(JsonNode n) {
    String s = n.toString();
    return s.length() > 120 ? s.substring(0, 117) + "…" : s;
  }
}
