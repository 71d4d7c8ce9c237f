package se.stockholm.ks.sok;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Avsandare;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.diarium.NyttArende;
import se.stockholm.ks.diarium.Sekretess;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * Issue 18 over real HTTP: the officials' search ({@code GET /api/v1/arenden}) — each filter,
 * Swedish letters and case, like's own characters taken literally, paging with Link headers,
 * sorting, bad filters as 400 problem+json, the CSV export — and the public e-diarium without
 * login, where a secret handling's sender and description are masked and never found by the words
 * they hide. {@code DiariesokPostgresIT} runs the same on PostgreSQL.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiariesokIT {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  static final String HEMLIG_AVSANDARE = "Åsa Öberg";
  static final String HEMLIG_RUBRIK = "Brev om hennes sjukdom och vård";

  @LocalServerPort
  int port;
  @Autowired
  Diarium diarium;
  @Autowired
  Sekretess sekretess;

  Api api;
  /** A: Årstafältet (L, rotel I, remiss to Stadsledningskontoret, tjänsteutlåtande in April 2025). */
  Diarienummer a;
  /** B: Östermalm (V, rotel III, beslutat). */
  Diarienummer b;
  /** C: äldreomsorg (M, avslutat, 2024, a handling "Arsta-rapport", the whole ärende secret). */
  Diarienummer c;
  /** D: "100%_rabatt" (S, remiss to Socialförvaltningen past its svarsdatum: overdue). */
  Diarienummer d;
  /** E: a rubrik that Excel would run as a formula; remiss answered after svarsdatum passed (not overdue). */
  Diarienummer e;

  @BeforeAll
  void diarium() {
    api = new Api(port);
    a = arende("Skrivelse om Årstafältets framtid", new Avsandare("Jan Jönsson", "L", "ledamot"), "2025-03-10");
    diarium.fordela(a, "rotel-i", "Karin Wanngård");
    handling(a, Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, "Skrivelse om Årstafältets framtid", "2025-03-10",
        "Jan Jönsson (L)", null);
    handling(a, Handlingstyp.REMISS, HandlingStatus.EXPEDIERAD, "Remiss till Stadsledningskontoret", "2025-03-12",
        null, "Stadsledningskontoret");
    handling(a, Handlingstyp.TJANSTUTLATANDE, HandlingStatus.INKOMMEN, "Tjänsteutlåtande om ÖSTERMALMS TORG",
        "2025-04-20", "Stadsledningskontoret", null);
    handling(a, Handlingstyp.OVRIG, HandlingStatus.INKOMMEN, HEMLIG_RUBRIK, "2025-04-22", HEMLIG_AVSANDARE, null);
    sekretess.markeraHandling(a, 4, "OSL 26 kap. 1 §", "registrator");

    b = arende("Motion om cykelbanor i Östermalm", new Avsandare("Åsa Ek", "V", "ledamot"), "2025-05-02");
    diarium.fordela(b, "rotel-iii", "Johan Ekström");
    handling(b, Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, "Motion om cykelbanor i Östermalm", "2025-05-02",
        "Åsa Ek (V)", null);
    diarium.andraStatus(b, Arendestatus.BESLUTAT);

    c = arende("Skrivelse om äldreomsorg", new Avsandare("Per Persson", "M", "ledamot"), "2024-11-01");
    handling(c, Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, "Skrivelse om äldreomsorg", "2024-11-01",
        "Per Persson (M)", null);
    handling(c, Handlingstyp.OVRIG, HandlingStatus.INKOMMEN, "Bilaga: Arsta-rapport", "2024-11-02", "Per Persson (M)",
        null);
    diarium.andraStatus(c, Arendestatus.AVSLUTAT);
    sekretess.markeraArende(c, "OSL 21 kap. 7 §", "registrator");

    d = arende("Skrivelse om 100%_rabatt i kollektivtrafiken", new Avsandare("Eva Öst", "S", "ledamot"), "2026-01-15");
    handling(d, Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, "Skrivelse om rabatt", "2026-01-15", "Eva Öst (S)", null);
    handling(d, Handlingstyp.REMISS, HandlingStatus.EXPEDIERAD, "Remiss till Socialförvaltningen", "2026-01-16", null,
        "Socialförvaltningen");
    diarium.registreraHandelse(d, Handelsetyp.SVARSDATUM_PASSERAT, "Svarsdatum passerat", null, null, null);

    e = arende("=SUMMA(1;2) skrivelse om Älvsjö", new Avsandare("Olle Berg", "S", "ledamot"), "2026-02-01");
    handling(e, Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, "Skrivelse om Älvsjö", "2026-02-01", "Olle Berg (S)", null);
    handling(e, Handlingstyp.REMISS, HandlingStatus.EXPEDIERAD, "Remiss till Socialförvaltningen", "2026-02-02", null,
        "Socialförvaltningen");
    diarium.registreraHandelse(e, Handelsetyp.SVARSDATUM_PASSERAT, "Svarsdatum passerat", null, null, null);
    handling(e, Handlingstyp.TJANSTUTLATANDE, HandlingStatus.INKOMMEN, "Tjänsteutlåtande", "2026-03-01",
        "Socialförvaltningen", null);
    diarium.registreraHandelse(e, Handelsetyp.TJANSTUTLATANDE_INKOMMET, "Tjänsteutlåtandet kom in", null, null, null);
  }

  Diarienummer arende(String rubrik, Avsandare avsandare, String inkom) {
    LocalDateTime t = LocalDate.parse(inkom).atTime(10, 0);
    Arende x = diarium.registreraArende(new NyttArende("SKRIVELSE", rubrik, t.atZone(STOCKHOLM).toOffsetDateTime(),
        avsandare, "registrator"));
    return x.diarienummer();
  }

  void handling(Diarienummer dnr, Handlingstyp typ, HandlingStatus status, String rubrik, String datum, String avsandare,
                String mottagare) {
    diarium.registreraHandling(dnr, NyHandling.text(typ, status, rubrik, LocalDate.parse(datum), "Text: " + rubrik)
        .withAvsandare(avsandare).withMottagare(mottagare));
  }

  /** @return the diarienummer found, in the order answered */
  List<Diarienummer> sok(String query) {
    Api.Svar s = api.get("registrator", "/api/v1/arenden?" + query);
    assertThat(s.status()).as(query + " → " + s).isEqualTo(200);
    List<Diarienummer> ut = new ArrayList<>();
    s.json().get("traffar").forEach(t -> ut.add(Diarienummer.parse(t.get("diarienummer").asText())));
    return ut;
  }

  Set<Diarienummer> mangd(String query) {
    return new HashSet<>(sok(query));
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void textInRubrikAndHandlingarCaseInsensitiveWithSwedishLettersOfTheirOwn() {
    assertThat(mangd("text=" + q("årsta"))).containsExactly(a);
    assertThat(mangd("text=" + q("ÅRSTAFÄLTET"))).containsExactly(a);
    // å is a letter of its own: "arsta" finds the handling "Arsta-rapport", not Årstafältet
    assertThat(mangd("text=" + q("arsta"))).containsExactly(c);
    // a decomposed å (as a Mac may send it) is the same letter
    assertThat(mangd("text=" + q("a\u030Arsta"))).containsExactly(a);
    // in a handling's title (A) and in the rubrik (B)
    assertThat(mangd("text=" + q("östermalm"))).containsExactlyInAnyOrder(a, b);
    assertThat(mangd("text=" + q("Östermalms torg"))).containsExactly(a);
    // like's own characters are taken literally
    assertThat(mangd("text=" + q("100%_r"))).containsExactly(d);
    assertThat(mangd("text=" + q("%"))).containsExactly(d);
    assertThat(mangd("text=" + q("_"))).containsExactly(d);
    assertThat(mangd("text=" + q("finns inte"))).isEmpty();
  }

  @Test
  void eachArendeFilter() {
    assertThat(mangd("diarienummer=" + q(a.toString()))).containsExactly(a);
    assertThat(mangd("diarienummer=" + a.urlForm())).containsExactly(a);
    assertThat(mangd("diarienummer=" + q(a.toString().toLowerCase())))
        .containsExactly(a);
    assertThat(mangd("diarienummer=" + q("2024/"))).containsExactly(c);
    assertThat(mangd("status=PAGAENDE")).containsExactlyInAnyOrder(a, d, e);
    assertThat(mangd("status=beslutat,AVSLUTAT")).containsExactlyInAnyOrder(b, c);
    assertThat(mangd("status=BESLUTAT&status=AVSLUTAT")).containsExactlyInAnyOrder(b, c);
    assertThat(mangd("avsandare=" + q("åsa"))).containsExactly(b);
    assertThat(mangd("avsandare=" + q("ÖST"))).containsExactly(d);
    assertThat(mangd("parti=v")).containsExactly(b);
    assertThat(mangd("parti=S")).containsExactlyInAnyOrder(d, e);
    assertThat(mangd("rotel=rotel-iii")).containsExactly(b);
    assertThat(mangd("borgarrad=" + q("wanngård"))).containsExactly(a);
    assertThat(mangd("remissinstans=stadsledningskontoret")).containsExactly(a);
    assertThat(mangd("remissinstans=socialforvaltningen")).containsExactlyInAnyOrder(d, e);
    assertThat(mangd("inkomFran=2025-01-01&inkomTill=2025-12-31")).containsExactlyInAnyOrder(a, b);
    assertThat(mangd("inkomFran=2025-05-02")).containsExactlyInAnyOrder(b, d, e);
    assertThat(mangd("inkomTill=2025-03-10")).containsExactlyInAnyOrder(a, c);
    assertThat(mangd("forsenade=true")).containsExactly(d);
    assertThat(mangd("forsenade=false")).hasSize(5);
    assertThat(mangd("status=PAGAENDE&parti=S&text=" + q("älvsjö"))).containsExactly(e);
  }

  @Test
  void handlingFiltersApplyToOneAndTheSameHandling() {
    assertThat(mangd("handlingstyp=TJANSTUTLATANDE")).containsExactlyInAnyOrder(a, e);
    assertThat(mangd("handlingstyp=tjanstutlatande&handlingFran=2025-04-01&handlingTill=2025-04-30"))
        .containsExactly(a);
    assertThat(mangd("handlingFran=2026-02-15")).containsExactly(e);
    assertThat(mangd("riktning=EXPEDIERAD")).containsExactlyInAnyOrder(a, d, e);
    assertThat(mangd("motpart=" + q("socialförvaltningen"))).containsExactlyInAnyOrder(d, e);
    assertThat(mangd("motpart=" + q("STADSLEDNINGSKONTORET") + "&riktning=INKOMMEN")).containsExactly(a);
    // A's skrivelse is from Jan Jönsson; its handling to Stadsledningskontoret is a remiss
    assertThat(mangd("handlingstyp=SKRIVELSE&motpart=" + q("stadsledningskontoret"))).isEmpty();
    assertThat(mangd("handlingstyp=REMISS,TJANSTUTLATANDE&motpart=" + q("stadsledningskontoret")))
        .containsExactly(a);
  }

  @Test
  void pagedAndSortedWithAPageObjectAndLinkHeaders() {
    assertThat(sok("sortering=inkom")).containsExactly(c, a, b, d, e);
    assertThat(sok("")).containsExactly(e, d, b, a, c);
    assertThat(sok("sortering=diarienummer")).containsExactly(c, a, b, d, e);
    assertThat(sok("sortering=-diarienummer")).containsExactly(e, d, b, a, c);

    List<Diarienummer> sidor = new ArrayList<>();
    for (int sida = 1; sida <= 3; sida++) {
      Api.Svar s = api.get("registrator", "/api/v1/arenden?sortering=diarienummer&storlek=2&sida=" + sida);
      JsonNode j = s.json();
      assertThat(j.get("totalt").asLong()).isEqualTo(5);
      assertThat(j.get("antalSidor").asInt()).isEqualTo(3);
      assertThat(j.get("sida").asInt()).isEqualTo(sida);
      assertThat(j.get("storlek").asInt()).isEqualTo(2);
      j.get("traffar").forEach(t -> sidor.add(Diarienummer.parse(t.get("diarienummer").asText())));
      String link = s.header("Link");
      assertThat(link).contains("sortering=diarienummer&sida=1&storlek=2>; rel=\"first\"")
          .contains("sida=3&storlek=2>; rel=\"last\"");
      assertThat(link.contains("rel=\"next\"")).isEqualTo(sida < 3);
      assertThat(link.contains("rel=\"prev\"")).isEqualTo(sida > 1);
    }
    assertThat(sidor).containsExactly(c, a, b, d, e);
    assertThat(sok("storlek=2&sida=4")).isEmpty();

    JsonNode traff = api.get("registrator", "/api/v1/arenden?diarienummer=" + a.urlForm()).json().get("traffar").get(0);
    assertThat(traff.get("rubrik").asText()).isEqualTo("Skrivelse om Årstafältets framtid");
    assertThat(traff.get("avsandare").get("parti").asText()).isEqualTo("L");
    assertThat(traff.get("rotel").asText()).isEqualTo("rotel-i");
    assertThat(traff.get("foredragandeBorgarrad").asText()).isEqualTo("Karin Wanngård");
    assertThat(traff.get("inkom").asText()).isEqualTo("2025-03-10");
    assertThat(traff.get("url").asText()).isEqualTo("/api/v1/arenden/" + a.urlForm());
    assertThat(api.get("registrator", traff.get("url").asText()).status()).isEqualTo(200);
    assertThat(api.get("registrator", "/api/v1/arenden?diarienummer=" + c.urlForm()).json().get("traffar").get(0)
        .get("sekretess").asText()).isEqualTo("OSL 21 kap. 7 §");
  }

  static Stream<Arguments> felaktigaFilter() {
    return Stream.of(
        Arguments.of("okand=1", "okand"),
        Arguments.of("Text=x", "Text"),
        Arguments.of("inkomFran=2025-13-01", "inkomFran"),
        Arguments.of("inkomTill=31/12/2025", "inkomTill"),
        Arguments.of("inkomFran=2025-06-01&inkomTill=2025-05-01", "inkomFran"),
        Arguments.of("handlingFran=2025-06-01&handlingTill=2025-05-01", "handlingFran"),
        Arguments.of("status=KLAR", "status"),
        Arguments.of("status=REGISTRERAS", "status"),
        Arguments.of("handlingstyp=BREV", "handlingstyp"),
        Arguments.of("riktning=UT", "riktning"),
        Arguments.of("sida=0", "sida"),
        Arguments.of("sida=x", "sida"),
        Arguments.of("storlek=101", "storlek"),
        Arguments.of("sortering=datum", "sortering"),
        Arguments.of("forsenade=kanske", "forsenade"),
        Arguments.of("parti=XX", "parti"),
        Arguments.of("rotel=rotel-x", "rotel"),
        Arguments.of("remissinstans=polisen", "remissinstans"),
        Arguments.of("text=" + "å".repeat(201), "text"),
        Arguments.of("text=a&text=b", "text"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("felaktigaFilter")
  void aBadFilterIs400ProblemJsonInSwedish(String query, String falt) {
    for (String sokvag : List.of("/api/v1/arenden?", "/api/v1/arenden.csv?")) {
      Api.Svar s = api.get("registrator", sokvag + query);
      assertThat(s.status()).as(sokvag + query + " → " + s).isEqualTo(400);
      assertThat(s.contentType()).startsWith("application/problem+json");
      assertThat(s.json().get("fel").get(0).get("falt").asText()).isEqualTo(falt);
      assertThat(s.json().get("detail").asText()).isNotBlank().doesNotContain("Exception");
    }
    Api.Svar sida = api.get("registrator", "/arenden?" + query);
    assertThat(sida.status()).isEqualTo(400);
    assertThat(sida.text()).contains("class=\"fel\"");
  }

  @Test
  void searchNeedsLoginAndTheRightToReadArenden() {
    assertThat(api.get(null, "/api/v1/arenden").status()).isEqualTo(401);
    assertThat(api.get(null, "/api/v1/arenden.csv").status()).isEqualTo(401);
    assertThat(api.get(null, "/arenden").status()).isEqualTo(401);
    for (String anvandare : List.of("processagare", "integration", "handlaggare", "liberalerna")) {
      assertThat(api.get(anvandare, "/api/v1/arenden").status()).as(anvandare).isEqualTo(200);
    }
  }

  @Test
  void csvForExcelWithTheSameHits() {
    Api.Svar s = api.get("registrator", "/api/v1/arenden.csv?sortering=diarienummer");
    assertThat(s.status()).isEqualTo(200);
    assertThat(s.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
    assertThat(s.header("Content-Disposition")).contains("attachment").contains(".csv");
    assertThat(s.body()[0]).isEqualTo((byte) 0xEF);
    assertThat(s.body()[1]).isEqualTo((byte) 0xBB);
    assertThat(s.body()[2]).isEqualTo((byte) 0xBF);
    String text = new String(s.body(), 3, s.body().length - 3, StandardCharsets.UTF_8);
    String[] rader = text.split("\r\n");
    assertThat(rader).hasSize(6);
    assertThat(rader[0]).startsWith("\"Diarienummer\";\"Rubrik\";\"Ärendetyp\";\"Status\";\"Inkom\"");
    assertThat(rader[1]).startsWith("\"" + c + "\";\"Skrivelse om äldreomsorg\";\"SKRIVELSE\";\"avslutat\";\"2024-11-01\"")
        .endsWith("\"OSL 21 kap. 7 §\"");
    assertThat(rader[2]).contains("\"Skrivelse om Årstafältets framtid\"").contains("\"Jan Jönsson\";\"L\"")
        .contains("\"Karin Wanngård\"");
    // a formula is text in Excel
    assertThat(rader[5]).contains("\"'=SUMMA(1;2) skrivelse om Älvsjö\"");
    // the filters apply
    Api.Svar filtrerat = api.get("registrator", "/api/v1/arenden.csv?text=" + q("årsta"));
    assertThat(new String(filtrerat.body(), StandardCharsets.UTF_8).split("\r\n")).hasSize(2);
  }

  @Test
  void thePublicEdiariumWithoutLoginShowsTheOslFieldsAndMasksSecrets() {
    Api.Svar s = api.get(null, "/api/v1/publikt/diarium?storlek=100");
    assertThat(s.status()).as(s.toString()).isEqualTo(200);
    JsonNode j = s.json();
    assertThat(j.get("totalt").asInt()).isEqualTo(12);
    // the OSL 5 kap. 2 § fields, nothing else: never content, a file, a checksum, internal notes or events
    Set<String> falt = new HashSet<>();
    j.get("poster").forEach(p -> p.fieldNames().forEachRemaining(falt::add));
    assertThat(falt).isSubsetOf("datum", "dokumentnummer", "diarienummer", "arende", "handlingstyp", "riktning",
        "avsandareEllerMottagare", "beskrivning", "sekretess");
    assertThat(s.text()).doesNotContain(HEMLIG_AVSANDARE).doesNotContain("sjukdom").doesNotContain("Text: ")
        .doesNotContain("äldreomsorg").doesNotContain("Arsta-rapport").doesNotContain("Per Persson");
    JsonNode hemlig = post(j, a.dokumentnummer(4));
    assertThat(hemlig.get("avsandareEllerMottagare").asText()).isEqualTo("Uppgift enligt OSL 26 kap. 1 §");
    assertThat(hemlig.get("beskrivning").asText()).isEqualTo("Uppgift enligt OSL 26 kap. 1 §");
    assertThat(hemlig.get("sekretess").asText()).isEqualTo("OSL 26 kap. 1 §");
    assertThat(hemlig.get("datum").asText()).isEqualTo("2025-04-22");
    assertThat(hemlig.get("arende").asText()).isEqualTo("Skrivelse om Årstafältets framtid");
    JsonNode iHemligtArende = post(j, c.dokumentnummer(1));
    assertThat(iHemligtArende.get("arende").asText()).isEqualTo("Uppgift enligt OSL 21 kap. 7 §");
    JsonNode oppen = post(j, a.dokumentnummer(3));
    assertThat(oppen.get("beskrivning").asText()).isEqualTo("Tjänsteutlåtande om ÖSTERMALMS TORG");
    assertThat(oppen.get("avsandareEllerMottagare").asText()).isEqualTo("Stadsledningskontoret");
    assertThat(oppen.get("handlingstyp").asText()).isEqualTo("Tjänsteutlåtande");
    assertThat(oppen.get("riktning").asText()).isEqualTo("inkommen");
    assertThat(oppen.has("sekretess")).isFalse();
    assertThat(post(j, a.dokumentnummer(2)).get("avsandareEllerMottagare").asText()).isEqualTo("Stadsledningskontoret");

    // never found by the words a mask hides
    for (String ord : List.of("sjukdom", "Öberg", "äldreomsorg", "Arsta")) {
      assertThat(api.get(null, "/api/v1/publikt/diarium?text=" + q(ord)).json().get("totalt").asInt()).as(ord)
          .isZero();
    }
    assertThat(api.get(null, "/api/v1/publikt/diarium?text=" + q("östermalms")).json().get("totalt").asInt())
        .isEqualTo(1);
    assertThat(api.get(null, "/api/v1/publikt/diarium?diarienummer=" + a.urlForm()).json().get("totalt").asInt())
        .isEqualTo(4);
    assertThat(api.get(null, "/api/v1/publikt/diarium?fran=2026-01-01&till=2026-01-31").json().get("totalt").asInt())
        .isEqualTo(2);
    for (String dalig : List.of("fran=igår", "sida=0", "storlek=1000", "okand=1", "fran=2026-02-01&till=2026-01-01")) {
      Api.Svar fel = api.get(null, "/api/v1/publikt/diarium?" + dalig);
      assertThat(fel.status()).as(dalig).isEqualTo(400);
      assertThat(fel.contentType()).startsWith("application/problem+json");
    }

    Api.Svar sida = api.get(null, "/e-diarium?storlek=100");
    assertThat(sida.status()).isEqualTo(200);
    assertThat(sida.text()).contains("Uppgift enligt OSL 26 kap. 1 §").contains("Tjänsteutlåtande om ÖSTERMALMS TORG")
        .doesNotContain(HEMLIG_AVSANDARE).doesNotContain("sjukdom").doesNotContain("äldreomsorg");
    assertThat(api.get(null, "/e-diarium?fran=igår").status()).isEqualTo(400);
  }

  private static JsonNode post(JsonNode sida, String dokumentnummer) {
    for (JsonNode p : sida.get("poster")) {
      if (dokumentnummer.equals(p.get("dokumentnummer").asText())) {
        return p;
      }
    }
    throw new AssertionError("Ingen post " + dokumentnummer);
  }
}
