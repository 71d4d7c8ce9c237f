package se.stockholm.ks.diarium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The diarium: diarienummer consecutive and unique under concurrency, the year in Stockholm time,
 * the configured first number, a rolled-back registration's number void (never reused, never missing); handlingar numbered in registration order;
 * attachments idempotent, checksummed, typed from their content and limited as documented; and
 * Swedish file names and texts intact through the REST download.
 */
@IntegrationTest
class DiariumIT {

  static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired
  Diarium diarium;
  @Autowired
  PlatformTransactionManager transactionManager;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DiariumInstallningar installningar;
  @Autowired
  Nummerserie nummerserie;
  @LocalServerPort
  int port;

  // --- numbering -----------------------------------------------------------------------------------

  @Test
  void twoHundredConcurrentRegistrationsGetTwoHundredDistinctConsecutiveNumbers() throws Exception {
    // a year nobody else uses here: its series is created by the burst itself
    int ar = 2022;
    List<Integer> nummer = samtidigt(200, i -> registrera(tid(ar, 3, 14), transactionManager, diarium)
        .diarienummer().lopnummer());

    assertThat(nummer).doesNotHaveDuplicates();
    assertThat(nummer.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, 200).boxed().toList());
    assertThat(jdbc.queryForObject("select senaste_lopnummer from diarienummer_serie where ar = ?", Integer.class, ar))
        .isEqualTo(200);

    // and a second burst continues the series where the first ended
    List<Integer> fler = samtidigt(50, i -> registrera(tid(ar, 3, 15), transactionManager, diarium)
        .diarienummer().lopnummer());
    assertThat(fler.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(201, 250).boxed().toList());
  }

  static Stream<Arguments> arsgranser() {
    return Stream.of(
        Arguments.of("2025-12-31 23:30 i Stockholm", LocalDateTime.parse("2025-12-31T23:30").atZone(STOCKHOLM)
            .toOffsetDateTime(), 2025, "2025-12-31"),
        Arguments.of("2026-01-01 00:30 i Stockholm", LocalDateTime.parse("2026-01-01T00:30").atZone(STOCKHOLM)
            .toOffsetDateTime(), 2026, "2026-01-01"),
        Arguments.of("2025-12-31T22:30Z (23:30 i Stockholm)", OffsetDateTime.parse("2025-12-31T22:30Z"), 2025, "2025-12-31"),
        Arguments.of("2025-12-31T23:30Z (00:30 i Stockholm)", OffsetDateTime.parse("2025-12-31T23:30Z"), 2026, "2026-01-01"),
        Arguments.of("2026-01-01T00:30+02:00 (23:30 i Stockholm)", OffsetDateTime.parse("2026-01-01T00:30+02:00"), 2025,
            "2025-12-31"),
        Arguments.of("2025-12-31T18:30-05:00 (00:30 i Stockholm)", OffsetDateTime.parse("2025-12-31T18:30-05:00"), 2026,
            "2026-01-01"));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("arsgranser")
  void theYearIsTheYearOfTheDayReceivedInStockholm(String namn, OffsetDateTime inkom, int ar, String datum) {
    Arende a = registrera(inkom, transactionManager, diarium);

    assertThat(a.diarienummer().ar()).isEqualTo(ar);
    assertThat(a.inkomDatum()).isEqualTo(LocalDate.parse(datum));
    assertThat(a.diarienummer().toString()).startsWith("KS " + ar + "/");
  }

  @Test
  void theConfiguredFirstNumberStartsTheYear2025AndOtherYearsStartAtOne() {
    registrera(tid(2025, 6, 1), transactionManager, diarium);
    registrera(tid(2024, 6, 1), transactionManager, diarium);

    assertThat(installningar.forstaLopnummer(2025)).isEqualTo(1513);
    assertThat(jdbc.queryForObject("select min(lopnummer) from arende where ar = 2025", Integer.class)).isEqualTo(1513);
    assertThat(jdbc.queryForObject("select min(lopnummer) from arende where ar = 2024", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from arende where diarienummer = 'KS 2025/1513'", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void aRolledBackRegistrationLeavesItsNumberMakuleratNeverAGapNorAReuse() {
    int ar = 2019;
    registrera(tid(ar, 2, 1), transactionManager, diarium);
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    Diarienummer avbruten = tx.execute(status -> {
      Diarienummer dnr = diarium.registreraArende(nytt(tid(ar, 2, 2))).diarienummer();
      diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, "R",
          LocalDate.of(ar, 2, 2), "text"));
      status.setRollbackOnly();
      return dnr;
    });

    Diarienummer nasta = registrera(tid(ar, 2, 3), transactionManager, diarium).diarienummer();

    assertThat(avbruten.lopnummer()).isEqualTo(2);
    assertThat(nasta.lopnummer()).isEqualTo(3);
    // every number handed out is in the diarium exactly once: 1 and 3 as ärenden, 2 as void
    assertThat(jdbc.queryForList("select lopnummer from arende where ar = ? order by lopnummer", Integer.class, ar))
        .containsExactly(1, 2, 3);
    Arende makulerat = diarium.arende(avbruten).orElseThrow();
    assertThat(makulerat.status()).isEqualTo(Arendestatus.MAKULERAT);
    assertThat(makulerat.processInstanceId()).isNull();
    assertThat(diarium.handlingar(avbruten)).isEmpty();
    assertThat(diarium.handelser(avbruten)).singleElement().satisfies(h -> {
      assertThat(h.handelsetyp()).isEqualTo(Handelsetyp.MAKULERAT);
      assertThat(h.beskrivning()).contains("Diarienumret " + avbruten + " makulerades");
    });
  }

  @Test
  void aHandlingCheckedBeforeTheNumberIsTakenTakesNoNumber() {
    int ar = 2018;
    registrera(tid(ar, 2, 1), transactionManager, diarium);
    NyHandling tom = NyHandling.text(Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN, "R", LocalDate.of(ar, 2, 2), "text")
        .withFil(new byte[0], "tom.pdf");

    assertThatThrownBy(() -> diarium.kontrolleraHandling(tom)).isInstanceOf(OgiltigHandlingException.class);

    assertThat(registrera(tid(ar, 2, 3), transactionManager, diarium).diarienummer().lopnummer()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from arende where ar = ? and status = 'MAKULERAT'", Integer.class, ar))
        .isZero();
  }

  @Test
  void aNumberTakenButNotYetRegisteredIsNoArendeYetAndOneLeftByAStoppedNodeIsMadeVoid() {
    int ar = 2016;
    Diarienummer dnr = new Diarienummer(installningar.diarium(), ar, 1);
    // as a node leaves it that stopped between taking the number and completing the registration
    jdbc.update("insert into diarienummer_serie (diarium, ar, senaste_lopnummer) values (?, ?, 1)",
        installningar.diarium(), ar);
    jdbc.update("""
        insert into arende (diarienummer, diarium, ar, lopnummer, arendetyp, rubrik, status, inkom_datum, inkom_tid,
          avsandare_namn, registrerad_tid, reserverad_tid)
        values (?, ?, ?, 1, 'SKRIVELSE', 'Avbruten', 'REGISTRERAS', ?, ?, 'Jan Jönsson', ?, ?)""",
        dnr.toString(), installningar.diarium(), ar, LocalDate.of(ar, 2, 1), tid(ar, 2, 1), tid(ar, 2, 1),
        OffsetDateTime.now().minus(Nummerserie.OVERGIVEN).minusMinutes(1));

    assertThat(diarium.arende(dnr)).isEmpty();
    // while a registration still holds the row (a very long one), the sweep passes it by without waiting
    List<String> medanDenHalls = new TransactionTemplate(transactionManager).execute(s -> {
      jdbc.update("update arende set rubrik = rubrik where diarienummer = ?", dnr.toString());
      return nummerserie.makuleraOvergivna();
    });
    assertThat(medanDenHalls).doesNotContain(dnr.toString());
    assertThat(nummerserie.makuleraOvergivna()).contains(dnr.toString());

    assertThat(diarium.arende(dnr)).get().extracting(Arende::status).isEqualTo(Arendestatus.MAKULERAT);
    assertThat(diarium.handelser(dnr)).extracting(Handelse::handelsetyp).containsExactly(Handelsetyp.MAKULERAT);
    assertThat(registrera(tid(ar, 2, 3), transactionManager, diarium).diarienummer().lopnummer()).isEqualTo(2);
    assertThat(nummerserie.makuleraOvergivna()).doesNotContain(dnr.toString());
  }

  @Test
  void handlingarAreNumberedOneToNInTheOrderTheyAreRegistered() {
    Diarienummer dnr = registrera(tid(2025, 5, 5), transactionManager, diarium).diarienummer();
    List<String> typer = List.of("SKRIVELSE", "REMISS", "TJANSTUTLATANDE", "PROMEMORIA", "OVRIG");
    for (String typ : typer) {
      ny().executeWithoutResult(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.valueOf(typ),
          HandlingStatus.INKOMMEN, typ, LocalDate.of(2025, 5, 5), "Text " + typ)));
    }

    List<Handling> handlingar = diarium.handlingar(dnr);
    assertThat(handlingar).extracting(Handling::lopnummer).containsExactly(1, 2, 3, 4, 5);
    assertThat(handlingar).extracting(h -> h.handlingstyp().name()).containsExactlyElementsOf(typer);
    assertThat(handlingar).extracting(Handling::dokumentnummer)
        .containsExactly(dnr + "-1", dnr + "-2", dnr + "-3", dnr + "-4", dnr + "-5");
  }

  @Test
  void concurrentHandlingarGetDistinctConsecutiveNumbersInRegistrationOrder() throws Exception {
    Diarienummer dnr = registrera(tid(2025, 5, 6), transactionManager, diarium).diarienummer();
    int antal = 40;

    List<Integer> nummer = samtidigt(antal, i -> ny().execute(s -> diarium.registreraHandling(dnr,
        NyHandling.text(Handlingstyp.OVRIG, HandlingStatus.INKOMMEN, "Handling " + i, LocalDate.of(2025, 5, 6),
            "Text " + i))).lopnummer());

    assertThat(nummer.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, antal).boxed().toList());
    // the order registered (insert order, time) is the order numbered
    List<Integer> iInsattOrdning = jdbc.queryForList("select h.lopnummer from handling h join arende a on a.id = h.arende_id"
        + " where a.diarienummer = ? order by h.id", Integer.class, dnr.toString());
    assertThat(iInsattOrdning).isSorted().hasSize(antal);
    List<OffsetDateTime> tider = diarium.handlingar(dnr).stream().map(Handling::registreradTid).toList();
    assertThat(tider).isSorted();
    // and each handling's event names its own number
    assertThat(diarium.handelser(dnr)).extracting(Handelse::dokumentnummer)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, antal).mapToObj(dnr::dokumentnummer).toList());
  }

  // --- attachments ---------------------------------------------------------------------------------

  @Test
  void theSameSourceKeyRegistersOnce() {
    Diarienummer dnr = registrera(tid(2025, 7, 1), transactionManager, diarium).diarienummer();
    String nyckel = "jobb-" + UUID.randomUUID();
    NyHandling h = NyHandling.text(Handlingstyp.TJANSTUTLATANDE, HandlingStatus.INKOMMEN, "Tjänsteutlåtande",
        LocalDate.of(2025, 7, 1), "Utlåtandet").withFil(PDF, "utlatande.pdf").withKallaNyckel(nyckel);

    Handling forsta = ny().execute(s -> diarium.registreraHandling(dnr, h));
    Handling andra = ny().execute(s -> diarium.registreraHandling(dnr, h));

    assertThat(andra).isEqualTo(forsta);
    assertThat(diarium.handlingar(dnr)).hasSize(1);
    assertThat(diarium.handelser(dnr).stream().filter(e -> forsta.dokumentnummer().equals(e.dokumentnummer())))
        .hasSize(1);
  }

  @Test
  void theSameSourceKeyRunConcurrentlyRegistersOnce() throws Exception {
    Diarienummer dnr = registrera(tid(2025, 7, 2), transactionManager, diarium).diarienummer();
    String nyckel = "jobb-" + UUID.randomUUID();
    NyHandling h = NyHandling.text(Handlingstyp.PROMEMORIA, HandlingStatus.UPPRATTAD, "Promemoria",
        LocalDate.of(2025, 7, 2), "Promemorian").withKallaNyckel(nyckel);

    List<Object> utfall = samtidigt(4, i -> {
      try {
        return ny().execute(s -> diarium.registreraHandling(dnr, h)).dokumentnummer();
      } catch (org.springframework.dao.DataIntegrityViolationException e) {
        return "dubblett avvisad"; // the job's transaction fails; its retry finds the first
      }
    });

    assertThat(diarium.handlingar(dnr)).hasSize(1);
    assertThat(utfall).contains(dnr.dokumentnummer(1)).allMatch(u -> u.equals(dnr.dokumentnummer(1))
        || u.equals("dubblett avvisad"));
    assertThat(ny().execute(s -> diarium.registreraHandling(dnr, h)).dokumentnummer()).isEqualTo(dnr.dokumentnummer(1));
  }

  @Test
  void sha256AndSizeMatchTheBytes() throws Exception {
    Diarienummer dnr = registrera(tid(2025, 7, 3), transactionManager, diarium).diarienummer();
    byte[] bytes = pdf(300_000);
    String text = "Åäö – en text på svenska.\n";

    Handling fil = ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG,
        HandlingStatus.INKOMMEN, "Fil", LocalDate.of(2025, 7, 3), null).withFil(bytes, "bilaga.pdf")));
    Handling textHandling = ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG,
        HandlingStatus.INKOMMEN, "Text", LocalDate.of(2025, 7, 3), text)));

    assertThat(fil.storlek()).isEqualTo(bytes.length);
    assertThat(fil.sha256()).isEqualTo(sha256(bytes));
    assertThat(diarium.innehall(fil.dokumentnummer()).orElseThrow().bytes()).isEqualTo(bytes);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    assertThat(textHandling.storlek()).isEqualTo(utf8.length);
    assertThat(textHandling.sha256()).isEqualTo(sha256(utf8));
    assertThat(textHandling.mediatyp()).isEqualTo("text/plain");
  }

  @Test
  void aTwentyMegabytePdfIsAcceptedAndComesBackIntactOverRest() throws Exception {
    Diarienummer dnr = registrera(tid(2025, 8, 1), transactionManager, diarium).diarienummer();
    byte[] pdf = pdf(20 * 1024 * 1024);
    assertThat(pdf.length).isBetween(20 * 1024 * 1024, 25 * 1024 * 1024);
    try (PDDocument lasbar = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(lasbar.getNumberOfPages()).isEqualTo(1);
    }

    Handling h = ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG,
        HandlingStatus.INKOMMEN, "Stor bilaga", LocalDate.of(2025, 8, 1), null).withFil(pdf, "stor-bilaga.pdf")));
    assertThat(h.mediatyp()).isEqualTo("application/pdf");
    assertThat(h.storlek()).isEqualTo(pdf.length);
    assertThat(h.sha256()).isEqualTo(sha256(pdf));

    // the same file added over REST to the open ärende, and downloaded
    Api api = new Api(port);
    Api.Svar tillagd = api.postMultipart("integration", "/api/v1/arenden/" + dnr.urlForm() + "/handlingar",
        new Api.Multipart().json("handling", "{\"rubrik\":\"Stor bilaga över REST\"}")
            .del("fil", "stor-bilaga.pdf", "application/pdf", pdf));
    assertThat(tillagd.status()).as(tillagd.toString()).isEqualTo(201);
    assertThat(tillagd.json().path("sha256").asText()).isEqualTo(sha256(pdf));
    Api.Svar nedladdad = api.get("integration", "/api/v1/arenden/" + dnr.urlForm() + "/handlingar/"
        + tillagd.json().path("nummer").asInt() + "/innehall");
    assertThat(nedladdad.status()).isEqualTo(200);
    assertThat(nedladdad.contentType()).isEqualTo("application/pdf");
    assertThat(nedladdad.body()).isEqualTo(pdf);
    assertKontrollsummor(nedladdad, pdf);
  }

  @Test
  void anEmptyFileIsRefusedWithTheDocumentedMessage() {
    Diarienummer dnr = registrera(tid(2025, 8, 2), transactionManager, diarium).diarienummer();

    assertThatThrownBy(() -> ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG,
        HandlingStatus.INKOMMEN, "Tom", LocalDate.of(2025, 8, 2), null).withFil(new byte[0], "tom.pdf"))))
        .isInstanceOf(OgiltigHandlingException.class)
        .hasMessage("Filen 'tom.pdf' är tom (0 byte). Bifoga filen på nytt.")
        .satisfies(e -> assertThat(((OgiltigHandlingException) e).falt()).isEqualTo("fil"));
    assertThat(diarium.handlingar(dnr)).isEmpty();
  }

  @Test
  void aFileOverTwentyFiveMegabytesIsRefusedWithTheDocumentedMessage() {
    Diarienummer dnr = registrera(tid(2025, 8, 3), transactionManager, diarium).diarienummer();
    byte[] stor = new byte[25 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, stor, 0, PDF.length);

    assertThatThrownBy(() -> ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG,
        HandlingStatus.INKOMMEN, "Stor", LocalDate.of(2025, 8, 3), null).withFil(stor, "stor.pdf"))))
        .isInstanceOf(OgiltigHandlingException.class)
        .hasMessage("Filen 'stor.pdf' är 25,0 MB; största tillåtna storlek är 25,0 MB. Dela upp eller komprimera filen.");
    assertThat(diarium.handlingar(dnr)).isEmpty();
  }

  static Stream<Arguments> innehallOchNamn() {
    return Stream.of(
        Arguments.of("en PDF som heter .txt", PDF, "skrivelse.txt", "application/pdf"),
        Arguments.of("en text som heter .pdf", "Vanlig text, ingen PDF.\n".getBytes(StandardCharsets.UTF_8),
            "skrivelse.pdf", "text/plain"),
        Arguments.of("en PNG som heter .jpg", png(), "bild.jpg", "image/png"),
        Arguments.of("en PDF utan filnamn", PDF, null, "application/pdf"),
        Arguments.of("ett Word-dokument", docx(), "Skrivelse.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  }

  @ParameterizedTest(name = "{0} är {3}")
  @MethodSource("innehallOchNamn")
  void theMediaTypeIsDetectedFromTheContentNotTheName(String namn, byte[] innehall, String filnamn, String mediatyp) {
    Diarienummer dnr = registrera(tid(2025, 9, 1), transactionManager, diarium).diarienummer();

    Handling h = ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG,
        HandlingStatus.INKOMMEN, namn, LocalDate.of(2025, 9, 1), null).withFil(innehall, filnamn)));

    assertThat(h.mediatyp()).isEqualTo(mediatyp);
    assertThat(h.filnamn()).isEqualTo(filnamn);
  }

  static Stream<Arguments> otillatnaTyper() {
    return Stream.of(
        Arguments.of("ett program (ELF) som heter .pdf",
            new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0}, "skrivelse.pdf",
            "application/x-executable"),
        Arguments.of("ett Windows-program", windowsProgram(), "skrivelse.exe", "application/x-msdownload"),
        Arguments.of("HTML som heter .txt", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8), "skrivelse.txt", "text/html"),
        Arguments.of("ett ZIP-arkiv som heter .docx", zip(), "skrivelse.docx", "application/zip"));
  }

  @ParameterizedTest(name = "{0} avvisas")
  @MethodSource("otillatnaTyper")
  void aDisallowedTypeIsRefusedWhateverItsName(String namn, byte[] innehall, String filnamn, String mediatyp) {
    Diarienummer dnr = registrera(tid(2025, 9, 2), transactionManager, diarium).diarienummer();

    assertThatThrownBy(() -> ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.OVRIG,
        HandlingStatus.INKOMMEN, namn, LocalDate.of(2025, 9, 2), null).withFil(innehall, filnamn))))
        .isInstanceOf(OgiltigHandlingException.class)
        .hasMessageStartingWith("Filen '" + filnamn + "' är av typen " + mediatyp)
        .hasMessageContaining("Tillåtna typer: PDF, Word, OpenDocument, RTF, text, PNG och JPEG.");
    assertThat(diarium.handlingar(dnr)).isEmpty();
  }

  @Test
  void swedishLettersInFileNamesAndTextsSurviveTheRestDownload() {
    Diarienummer dnr = registrera(tid(2025, 10, 1), transactionManager, diarium).diarienummer();
    String filnamn = "Tjänsteutlåtande – Årstafältet, Älvsjö & Östermalm (slutlig version).pdf";
    String text = "Förslag till beslut: Kommunstyrelsen besvarar skrivelsen med hänvisning till "
        + "tjänsteutlåtandet. ÅÄÖ åäö é ü ß – ”citat” € ✓\n";
    String rubrik = "Särskilt uttalande från Miljöpartiet – ”Ökad tillgänglighet”";
    Handling fil = ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.TJANSTUTLATANDE,
        HandlingStatus.INKOMMEN, "Tjänsteutlåtande", LocalDate.of(2025, 10, 1), null).withFil(PDF, filnamn)
        .withAvsandare("Stadsledningskontoret, Åsa Öberg")));
    Handling textHandling = ny().execute(s -> diarium.registreraHandling(dnr, NyHandling.text(
        Handlingstyp.SARSKILT_UTTALANDE, HandlingStatus.INKOMMEN, rubrik, LocalDate.of(2025, 10, 1), text)));
    Api api = new Api(port);

    Api.Svar filSvar = api.get("integration", "/api/v1/arenden/" + dnr.urlForm() + "/handlingar/" + fil.lopnummer()
        + "/innehall");
    Api.Svar textSvar = api.get("integration", "/api/v1/arenden/" + dnr.urlForm() + "/handlingar/"
        + textHandling.lopnummer() + "/innehall");
    JsonNode lista = api.get("integration", "/api/v1/arenden/" + dnr.urlForm() + "/handlingar").json();

    assertThat(filSvar.status()).isEqualTo(200);
    assertThat(filSvar.contentType()).isEqualTo("application/pdf");
    assertThat(filSvar.header("Content-Disposition")).startsWith("attachment");
    assertThat(filnamnEnligtRfc5987(filSvar.header("Content-Disposition"))).isEqualTo(filnamn);
    assertThat(filSvar.header("Content-Disposition"))
        .contains("filename=\"Tjansteutlatande _ Arstafaltet, Alvsjo & Ostermalm (slutlig version).pdf\"");
    assertThat(filSvar.body()).isEqualTo(PDF);
    assertKontrollsummor(filSvar, PDF);

    assertThat(textSvar.status()).isEqualTo(200);
    assertThat(textSvar.contentType()).isEqualToIgnoringCase("text/plain;charset=UTF-8");
    assertThat(textSvar.text()).isEqualTo(text);
    assertThat(filnamnEnligtRfc5987(textSvar.header("Content-Disposition")))
        .isEqualTo(dnr.urlForm() + "-" + textHandling.lopnummer() + ".txt");
    assertKontrollsummor(textSvar, text.getBytes(StandardCharsets.UTF_8));

    assertThat(lista.get(0).path("filnamn").asText()).isEqualTo(filnamn);
    assertThat(lista.get(0).path("avsandare").asText()).isEqualTo("Stadsledningskontoret, Åsa Öberg");
    assertThat(lista.get(1).path("rubrik").asText()).isEqualTo(rubrik);
  }

  // --- helpers ---------------------------------------------------------------------------------------

  static NyttArende nytt(OffsetDateTime inkom) {
    return new NyttArende("SKRIVELSE", "Skrivelse från diarietestet", inkom,
        new Avsandare("Jan Jönsson", "L", "ledamot"), "diarietest");
  }

  static Arende registrera(OffsetDateTime inkom, PlatformTransactionManager tm, Diarium diarium) {
    return new TransactionTemplate(tm).execute(s -> diarium.registreraArende(nytt(inkom)));
  }

  static OffsetDateTime tid(int ar, int manad, int dag) {
    return LocalDate.of(ar, manad, dag).atTime(10, 0).atZone(STOCKHOLM).toOffsetDateTime();
  }

  TransactionTemplate ny() {
    return new TransactionTemplate(transactionManager);
  }

  interface Arbete<T> {
    T utfor(int i) throws Exception;
  }

  /** Runs the work {@code antal} times at once, each in its own thread, and waits (bounded) for all. */
  static <T> List<T> samtidigt(int antal, Arbete<T> arbete) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(antal);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < antal; i++) {
        int n = i;
        futures.add(pool.submit((Callable<T>) () -> {
          start.await();
          return arbete.utfor(n);
        }));
      }
      start.countDown();
      List<T> resultat = new ArrayList<>();
      for (Future<T> f : futures) {
        resultat.add(f.get(180, TimeUnit.SECONDS));
      }
      return resultat;
    } finally {
      pool.shutdownNow();
    }
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static void assertKontrollsummor(Api.Svar svar, byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      String hex = HexFormat.of().formatHex(digest);
      assertThat(svar.header("X-Checksum-SHA256")).isEqualTo(hex);
      assertThat(svar.header("ETag")).isEqualTo("\"" + hex + "\"");
      assertThat(svar.header("Repr-Digest")).isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String filnamnEnligtRfc5987(String contentDisposition) {
    var m = java.util.regex.Pattern.compile("filename\\*=UTF-8''([^;\\s]+)", java.util.regex.Pattern.CASE_INSENSITIVE)
        .matcher(contentDisposition);
    assertThat(m.find()).as(contentDisposition).isTrue();
    return java.net.URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * A valid one-page PDF of at least {@code minst} bytes: an image of random pixels, which does
   * not compress.
   */
  static byte[] pdf(int minst) throws IOException {
    int sida = (int) Math.ceil(Math.sqrt(minst / 3.0)) + 8;
    BufferedImage bild = new BufferedImage(sida, sida, BufferedImage.TYPE_INT_RGB);
    int[] pixlar = ((DataBufferInt) bild.getRaster().getDataBuffer()).getData();
    Random slump = new Random(1513);
    for (int i = 0; i < pixlar.length; i++) {
      pixlar[i] = slump.nextInt() & 0xFFFFFF;
    }
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream ut = new ByteArrayOutputStream(minst + 1024 * 1024)) {
      PDPage page = new PDPage();
      doc.addPage(page);
      PDImageXObject x = LosslessFactory.createFromImage(doc, bild);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.drawImage(x, 50, 200, 500, 500);
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(50, 720);
        cs.showText("Bilaga till KS 2025/1513");
        cs.endText();
      }
      doc.save(ut);
      return ut.toByteArray();
    }
  }

  static byte[] png() {
    try {
      BufferedImage bild = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
      ByteArrayOutputStream ut = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(bild, "png", ut);
      return ut.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] windowsProgram() {
    byte[] b = new byte[512];
    b[0] = 'M';
    b[1] = 'Z';
    b[0x3c] = (byte) 0x80;
    b[0x80] = 'P';
    b[0x81] = 'E';
    return b;
  }

  /** The smallest archive with a Word document's parts. */
  static byte[] docx() {
    try {
      ByteArrayOutputStream ut = new ByteArrayOutputStream();
      try (var z = new java.util.zip.ZipOutputStream(ut)) {
        z.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
        z.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            + "wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
        z.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
        z.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"
            .getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      return ut.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] zip() {
    try {
      ByteArrayOutputStream ut = new ByteArrayOutputStream();
      try (var z = new java.util.zip.ZipOutputStream(ut)) {
        z.putNextEntry(new java.util.zip.ZipEntry("fil.txt"));
        z.write("hej".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      return ut.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
