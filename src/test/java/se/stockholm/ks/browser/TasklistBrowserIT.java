package se.stockholm.ks.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.support.IntegrationTest;

/**
 * One skrivelse from the start form to the closed ärende, clicked through Camunda Tasklist in
 * headless Chromium, each step by the official of its role: the registrator enters the skrivelse
 * that came on paper (with the scanned skrivelse attached) and fördelar it, stadsledningskontoret
 * writes the tjänsteutlåtande (with a PDF), rotel I the promemoria, borgarrådsberedningen's
 * secretary records that it tillstyrker with a särskilt uttalande announced by L, Liberalerna hand
 * in the uttalande, kommunstyrelsen's secretary records the beslut with a likalydande särskilt
 * uttalande, justerar and anslår the protokoll; when the time for laglighetsprövning has run out
 * the ärende is closed. Rotel I, meanwhile, does not see stadsledningskontoret's task, in any filter
 * or by its address.
 *
 * <p>The case runs on its own dates, the real case's (2025-11-26 … 2026-04-17): the engine clock
 * and the browser's clock are moved together; timers that fall due and asynchronous steps are
 * executed by the test (the job executor is off in tests). Screenshots of every role's task list
 * and of every filled form go to {@code target/screenshots/tasklist/}.
 */
@IntegrationTest
@KraverChromium
class TasklistBrowserIT {

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  /**
   * The case's rubrik carries HTML and Markdown (issue 23): every form shows it as the text it is — a
   * link or image in it must never become one ({@link #ingetSomHtml()}).
   */
  private static final String RUBRIK =
      "Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris "
          + "<a href=\"https://ond.example/\" id=\"ks-ond-lank\">klicka</a><img src=\"x\" id=\"ks-ond-bild\"> "
          + "[läs mer](https://ond.example/md) & <b>fet</b>";
  private static final Path BILDER = Path.of("target", "screenshots", "tasklist");

  @LocalServerPort
  int port;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;
  @Autowired
  TaskService taskService;
  @Autowired
  TestRestTemplate rest;

  @TempDir
  Path tmp;

  private final ObjectMapper json = new ObjectMapper();
  private Webblasare b;
  private Tasklist tasklist;
  private int bildnummer;

  @BeforeEach
  void startaWebblasaren() throws Exception {
    b = new Webblasare(BILDER, 1400, 1000);
    tasklist = new Tasklist(b, "http://localhost:" + port);
  }

  @AfterEach
  void stangWebblasaren() throws Exception {
    ClockUtil.reset();
    if (b != null) {
      b.close();
    }
  }

  @Test
  void enSkrivelseFranStartformularTillAvslutatArendeIWebblasaren() throws Exception {
    try {
      String dnr = registratornForInSkrivelsenOchFordelarDen();
      rotelnSerInteStadsledningskontoretsUppgift(dnr);
      stadsledningskontoretSkriverTjanstutlatandet(dnr);
      rotelnUpprattarPromemorian(dnr);
      borgarradsberedningenTillstyrkerMedSarskiltUttalande(dnr);
      liberalernaLamnarSittSarskildaUttalande(dnr);
      kommunstyrelsenBeslutarMedLikalydandeUttalande(dnr);
      protokolletJusterasOchAnslas();
      arendetAvslutasNarTidenForLaglighetsprovningGattUt(dnr);
    } catch (Throwable t) {
      b.sparaSidan("FEL-" + String.format("%02d", ++bildnummer));
      throw t;
    }
  }

  // --- the steps ----------------------------------------------------------------------------------

  private String registratornForInSkrivelsenOchFordelarDen() throws Exception {
    klocka(LocalDateTime.of(2025, 11, 26, 10, 15));
    tasklist.loggaIn("registrator");
    assertThat(tasklist.filter()).containsExactly("KS kansli (registrator): uppgifter", "Mina uppgifter",
        "Försenade uppgifter");
    bild("registrator-uppgifter-fore");

    WebElement formular = tasklist.startaProcess("Skrivelse till kommunstyrelsen");
    assertThat(formular.getText()).contains("Ny skrivelse till kommunstyrelsen", "Rubrik", "Avsändare", "Namn", "Parti",
        "Roll", "Inkommen", "Frågor i skrivelsen", "Skrivelsens text", "Skrivelsen som fil");
    assertThat(b.driver().findElement(By.id("ks-inkom")).getAttribute("value"))
        .as("Inkommen är förifylld med dagens datum").isEqualTo("2025-11-26");
    skriv("ks-rubrik", RUBRIK);
    skriv("ks-avsandare-namn", "Jan Jönsson");
    new Select(b.driver().findElement(By.id("ks-avsandare-parti"))).selectByVisibleText("Liberalerna (L)");
    new Select(b.driver().findElement(By.id("ks-avsandare-roll"))).selectByVisibleText("oppositionsborgarråd");
    skriv("ks-fragor", "Hur ser majoriteten att samarbetet med andra organisationer kompletterar deltagande i en "
        + "konferens som specifikt fokuserar på antisemitism?\nVarför är det inte viktigt för majoriteten att delta på "
        + "politisk nivå?\nÖvervägde staden att skicka någon annan representant?");
    skriv("ks-skrivelse-text", "Finansborgarrådet tackade nej till att delta i 2025 Paris Mayors Summit Against "
        + "Antisemitism den 19–20 november 2025. Liberalerna efterfrågar svar på varför.");
    bifoga("ks-skrivelse-fil", pdf("skrivelse-jan-jonsson.pdf", "Skrivelse från Jan Jönsson (L)"));
    b.vanta().until(d -> !b.synliga(By.xpath("//*[@data-tecken-for='ks-skrivelse-text'][contains(.,'tecken')]")).isEmpty());
    helaFormularet("registrator-starta-skrivelse", b.driver().findElement(By.cssSelector(".modal-dialog")));
    tasklist.starta();

    String dnr = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("skrivelse")
        .singleResult().getBusinessKey();
    assertThat(dnr).as("serien för 2025 fortsätter från det tidigare diariet").isEqualTo("KS 2025/1513");

    Tasklist.Kort kort = tasklist.vantaPaKort(dnr, "Fördela ärendet");
    assertThat(kort.process()).isEqualTo("Skrivelse till kommunstyrelsen");
    assertThat(kort.diarienummer()).isEqualTo(dnr);
    assertThat(kort.rubrik()).isEqualTo(RUBRIK);
    assertThat(kort.text()).contains("Diarienummer:", "Rubrik:");
    bild("registrator-uppgifter");

    String id = tasklist.oppna(kort);
    assertThat(tasklist.rubrik()).isEqualTo("Fördela ärendet");
    tasklist.taUppgift();
    ingetSomHtml();
    assertThat(tasklist.kontext()).contains("Ärendet", "Diarienummer: " + dnr, "Rubrik: " + RUBRIK,
        "Avsändare: Jan Jönsson (L), oppositionsborgarråd", "Inkommen: 2025-11-26", "Ärendets handlingar");
    WebElement f = tasklist.formular();
    assertThat(f.getText()).contains("Rotel och föredragande borgarråd", "Annat föredragande borgarråd",
        "Remissinstanser", "Svarsdatum");
    klickaEtikett(f, "Rotel I – Karin Wanngård (S)");
    assertThat(etikettensRuta(f, "Stadsledningskontoret").isSelected()).as("stadsledningskontoret är förvalt").isTrue();
    assertThat(f.findElement(By.cssSelector(".fjs-form-field-datetime input")).getAttribute("value"))
        .as("svarsdatum föreslås 15 arbetsdagar fram").isEqualTo("2025-12-17");
    helaFormularet("registrator-fordela-arendet", f);
    tasklist.slutfor(id);
    korJobb();
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(dnr).taskDefinitionKey("Task_SkrivTjanstutlatande")
        .singleResult().getDueDate()).isEqualTo(tid(LocalDateTime.of(2025, 12, 17, 23, 59, 59)));
    return dnr;
  }

  private void rotelnSerInteStadsledningskontoretsUppgift(String dnr) throws Exception {
    klocka(LocalDateTime.of(2025, 12, 11, 13, 30));
    String uppgift = taskService.createTaskQuery().processInstanceBusinessKey(dnr)
        .taskDefinitionKey("Task_SkrivTjanstutlatande").singleResult().getId();
    tasklist.loggaIn("rotel1");
    List<String> filter = tasklist.filter();
    assertThat(filter).containsExactly("Rotel I: uppgifter", "Mina uppgifter", "Försenade uppgifter")
        .doesNotContain("Stadsledningskontoret: uppgifter");
    for (String namn : filter) {
      tasklist.valjFilter(namn);
      assertThat(tasklist.kort()).as("filtret " + namn + " för rotel1").noneMatch(k -> dnr.equals(k.diarienummer()));
    }
    tasklist.valjFilter("Rotel I: uppgifter");
    bild("rotel1-ser-inte-remissen");

    b.oppna(tasklist.adress() + "#/?task=" + uppgift);
    WebElement fel = b.vanta().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".page-notifications .alert-danger")));
    assertThat(fel.getText()).contains("Uppgiften finns inte längre");
    b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-task] .no-task")));
    assertThat(b.synliga(By.cssSelector("[cam-tasklist-task] .no-task")).get(0).getText()).contains("Välj en uppgift i listan");
    assertThat(b.synliga(By.cssSelector("button.claim"))).as("ingen Ta uppgift").isEmpty();
    assertThat(b.synliga(By.cssSelector("[cam-tasklist-task] form, [cam-tasklist-task] .fjs-form"))).as("inget formulär").isEmpty();
    assertThat(b.synliga(By.cssSelector("[cam-tasklist-task] [data-visa='diarienummer']"))).isEmpty();
    bild("rotel1-oppnar-remissens-adress");
  }

  private void stadsledningskontoretSkriverTjanstutlatandet(String dnr) throws Exception {
    klocka(LocalDateTime.of(2025, 12, 11, 14, 0));
    tasklist.loggaIn("handlaggare");
    assertThat(tasklist.filter()).contains("Stadsledningskontoret: uppgifter");
    Tasklist.Kort kort = tasklist.vantaPaKort(dnr, "Skriv tjänsteutlåtande");
    assertThat(kort.rubrik()).isEqualTo(RUBRIK);
    assertThat(kort.text()).contains("Förfaller 2025-12-17");
    bild("handlaggare-uppgifter");
    String id = tasklist.oppna(kort);
    tasklist.taUppgift();
    assertKontext(dnr);
    assertThat(tasklist.kontext()).contains("Remiss", dnr + "-2 till Stadsledningskontoret", "Svarsdatum", "2025-12-17");
    WebElement f = tasklist.formular();
    assertThat(f.getText()).contains("Tjänsteutlåtandets datum", "Tjänsteutlåtandet", "Tjänsteutlåtandet som fil");
    assertThat(b.driver().findElement(By.id("ks-tu-datum")).getAttribute("value")).isEqualTo("2025-12-11");
    skriv("ks-tu-text", "Internationell strategi för Stockholms stad (KS 2021/154) slår fast att beslut om deltagande "
        + "i konferenser utomlands är delegerat till finansborgarrådet och behandlas av stadens internationella "
        + "beredning.\n\nAvböjandet förklaras av att det inte fanns något konferensprogram, att finansborgarrådet inte "
        + "erbjöds en aktiv roll och att staden arbetar mot antisemitism inom Nordic Safe Cities och Strong Cities Network.");
    bifoga("ks-tu-fil", pdf("tjansteutlatande-slk.pdf", "Tjänsteutlåtande, stadsledningskontoret"));
    helaFormularet("handlaggare-skriv-tjansteutlatande", f);
    tasklist.slutfor(id);
    korJobb();
    assertThat(handlingar(dnr)).extracting(h -> h.path("handlingstyp").asText() + " " + h.path("filnamn").asText(""))
        .contains("SKRIVELSE skrivelse-jan-jonsson.pdf", "TJANSTUTLATANDE tjansteutlatande-slk.pdf");
  }

  private void rotelnUpprattarPromemorian(String dnr) throws Exception {
    klocka(LocalDateTime.of(2026, 3, 4, 9, 0));
    tasklist.loggaIn("rotel1");
    Tasklist.Kort kort = tasklist.vantaPaKort(dnr, "Upprätta promemoria");
    assertThat(kort.rubrik()).isEqualTo(RUBRIK);
    bild("rotel1-uppgifter");
    String id = tasklist.oppna(kort);
    tasklist.taUppgift();
    assertKontext(dnr);
    assertThat(tasklist.kontext()).contains("Föredragande", "borgarrådet Karin Wanngård");
    WebElement f = tasklist.formular();
    assertThat(f.getText()).contains("Förslag till beslut", "Sammanfattning av ärendet", "Beredning",
        "Föredragande borgarrådets synpunkter", "Ärendet – bakgrund och frågor", "Datum",
        "Föredragande borgarråd, som undertecknar",
        "Promemorian som fil");
    assertThat(b.driver().findElement(By.id("ks-forslag")).getAttribute("value"))
        .isEqualTo("Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.");
    assertThat(b.driver().findElement(By.id("ks-undertecknare")).getAttribute("value")).isEqualTo("Karin Wanngård");
    assertThat(b.driver().findElement(By.id("ks-pm-datum")).getAttribute("value"))
        .as("promemorian dateras den dag den skrivs").isEqualTo("2026-03-04");
    skriv("ks-sammanfattning", "Jan Jönsson (L) har i en skrivelse frågat varför finansborgarrådet avstod från att "
        + "delta i Paris Mayors Summit Against Antisemitism 2025.");
    skriv("ks-synpunkter", "Antisemitismen är ett allvarligt hot mot det öppna och demokratiska samhället. Staden "
        + "arbetar långsiktigt mot antisemitism.\n\nStadens deltagande i internationella konferenser bereds i den "
        + "internationella beredningen enligt Internationell strategi för Stockholms stad.");
    skriv("ks-arendet", "Oppositionsborgarrådet Jan Jönsson (L) efterfrågar svar på varför finansborgarrådet tackat "
        + "nej till att delta i konferensen i Paris den 19–20 november 2025.");
    helaFormularet("rotel1-uppratta-promemoria", f);
    tasklist.slutfor(id);
    korJobb();
    Job mote = managementService.createJobQuery().timers().processInstanceId(
        historyService.createHistoricProcessInstanceQuery().processDefinitionKey("borgarradsberedning")
            .processInstanceBusinessKey(dnr).singleResult().getId()).singleResult();
    assertThat(mote.getDuedate()).as("borgarrådsberedningens sammanträde").isEqualTo(tid(LocalDateTime.of(2026, 3, 11, 7, 0)));
  }

  private void borgarradsberedningenTillstyrkerMedSarskiltUttalande(String dnr) throws Exception {
    klocka(LocalDateTime.of(2026, 3, 11, 8, 30));
    tasklist.loggaIn("brbsekreterare");
    Tasklist.Kort kort = tasklist.vantaPaKort(dnr, "Registrera utfall i BRB");
    bild("brbsekreterare-uppgifter");
    String id = tasklist.oppna(kort);
    tasklist.taUppgift();
    ingetSomHtml();
    assertThat(tasklist.kontext()).contains("Diarienummer: " + dnr, "Rubrik: " + RUBRIK,
        "Borgarrådsberedningen: sammanträdet 2026-03-11");
    WebElement f = tasklist.formular();
    assertThat(f.getText()).contains("Borgarrådsberedningens utfall");
    klickaEtikett(f, "Tillstyrker föredragande borgarrådets förslag – ärendet går till kommunstyrelsen");
    b.vanta().until(d -> f.getText().contains("Särskilt uttalande anmält av"));
    klickaEtikett(f, "Liberalerna (L)");
    assertThat(etikettensRuta(f, "Liberalerna (L)").isSelected()).isTrue();
    helaFormularet("brbsekreterare-registrera-utfall", f);
    tasklist.slutfor(id);
    korJobb();
  }

  private void liberalernaLamnarSittSarskildaUttalande(String dnr) throws Exception {
    klocka(LocalDateTime.of(2026, 3, 13, 11, 0));
    tasklist.loggaIn("liberalerna");
    Tasklist.Kort kort = tasklist.vantaPaKort(dnr, "Lämna särskilt uttalande");
    assertThat(kort.rubrik()).isEqualTo(RUBRIK);
    bild("liberalerna-uppgifter");
    String id = tasklist.oppna(kort);
    tasklist.taUppgift();
    assertKontext(dnr);
    assertThat(tasklist.kontext()).contains("Parti", "Borgarrådsberedningen", "sammanträdet 2026-03-11", "Sista dag",
        "2026-03-16");
    WebElement f = tasklist.formular();
    assertThat(f.getText()).contains("Ledamot", "Uttalandet", "Uttalandet som fil");
    skriv("ks-ledamot", "Jan Jönsson");
    skriv("ks-uttalande-text", "Vi noterar majoritetens svar, men vill påminna om att Malmö valde att prioritera "
        + "deltagande vid samma konferens.\n\nNär antisemitismen diskuteras på denna nivå ska Sveriges huvudstad vara "
        + "närvarande och tydlig.");
    helaFormularet("liberalerna-lamna-sarskilt-uttalande", f);
    tasklist.slutfor(id);
    korJobb();
  }

  private void kommunstyrelsenBeslutarMedLikalydandeUttalande(String dnr) throws Exception {
    klocka(LocalDateTime.of(2026, 3, 18, 9, 30));
    tasklist.loggaIn("kssekreterare");
    Tasklist.Kort kort = tasklist.vantaPaKort(dnr, "Registrera beslut i KS");
    assertThat(kort.rubrik()).isEqualTo(RUBRIK);
    bild("kssekreterare-uppgifter");
    String id = tasklist.oppna(kort);
    tasklist.taUppgift();
    assertKontext(dnr);
    assertThat(tasklist.kontext()).contains("Kommunstyrelsen", "sammanträdet 2026-03-18", "tillstyrkte 2026-03-11",
        "Förslag till beslut", "Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.",
        "Särskilda uttalanden i BRB", "Jan Jönsson (L), " + dnr + "-5");
    WebElement f = tasklist.formular();
    assertThat(f.getText()).contains("Kommunstyrelsens beslut", "Beslut – enligt förslaget eller med annan lydelse",
        "Återremiss", "Bordläggning");
    b.klicka(f.findElement(By.cssSelector("input[name='ksBeslut'][value='BESLUT']")));
    WebElement paragraf = b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.id("ks-paragraf")));
    // the paragraph is the system's, assigned in the föredragningslista's order when the meeting was held
    assertThat(paragraf.getAttribute("value")).isEqualTo("§ 12");
    assertThat(paragraf.getAttribute("readonly")).isNotNull();
    assertThat(b.driver().findElement(By.id("ks-beslutstext")).getAttribute("value"))
        .as("förifylld med förslaget").isEqualTo("Skrivelsen besvaras med hänvisning till vad som sägs i denna promemoria.");

    b.klicka(b.driver().findElement(By.id("ks-nytt-uttalande")));
    WebElement rad = b.vanta().until(d -> b.synliga(By.cssSelector("#ks-uttalanden .ks-rad")).stream().findFirst().orElse(null));
    assertThat(rad.getText()).contains("Särskilt uttalande 1", "Ledamot", "Parti", "Ej klar");
    rad.findElement(By.cssSelector("input[type='text']")).sendKeys("Jan Jönsson");
    new Select(rad.findElement(By.cssSelector("select"))).selectByVisibleText("Liberalerna (L)");
    WebElement lika = b.vanta().until(d -> rad.findElements(By.cssSelector(".checkbox")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertThat(lika.getText()).contains("Likalydande med partiets särskilda uttalande i borgarrådsberedningen",
        "Jan Jönsson (L), " + dnr + "-5");
    b.klicka(lika.findElement(By.cssSelector("input[type='checkbox']")));
    b.vanta().until(d -> rad.findElement(By.cssSelector(".ks-fel")).getText().isEmpty());
    assertThat(rad.findElement(By.cssSelector("textarea")).isDisplayed()).as("likalydande: ingen text behövs").isFalse();
    assertThat(f.getText()).contains("Reservationer", "Inga reservationer.");
    helaFormularet("kssekreterare-registrera-beslut", f);
    tasklist.slutfor(id);
    korJobb();
  }

  private void protokolletJusterasOchAnslas() throws Exception {
    String protokoll = "KS 2026-03-18";
    klocka(LocalDateTime.of(2026, 3, 25, 15, 0));
    tasklist.loggaIn("kssekreterare");
    Tasklist.Kort kort = tasklist.vantaPaKort(protokoll, "Justera protokollet");
    assertThat(kort.rubrik()).isEqualTo("Protokoll från kommunstyrelsens sammanträde 2026-03-18");
    bild("kssekreterare-uppgifter-justering");
    String id = tasklist.oppna(kort);
    tasklist.taUppgift();
    assertThat(tasklist.kontext()).contains("Protokoll från kommunstyrelsens sammanträde 2026-03-18",
        "Sammanträde: 2026-03-18", "Justeras senast: 2026-04-01");
    WebElement f = tasklist.formular();
    assertThat(f.getText()).contains("Justeringsdag", "Justerare");
    valjDagensDatum(f);
    f.findElement(By.cssSelector(".fjs-form-field-textfield input")).sendKeys("Karin Wanngård och Jan Jönsson");
    helaFormularet("kssekreterare-justera-protokollet", f);
    tasklist.slutfor(id);
    korJobb();

    klocka(LocalDateTime.of(2026, 3, 26, 9, 0));
    tasklist.loggaIn("kssekreterare");
    kort = tasklist.vantaPaKort(protokoll, "Anslå protokollet");
    bild("kssekreterare-uppgifter-anslag");
    id = tasklist.oppna(kort);
    tasklist.taUppgift();
    assertThat(tasklist.kontext()).contains("Justerat: 2026-03-25 av Karin Wanngård och Jan Jönsson",
        "Anslås senast: 2026-03-27");
    f = tasklist.formular();
    assertThat(f.getText()).contains("Anslagsdag", "Förifylld med dagen då justeringen registrerades");
    assertThat(f.findElement(By.cssSelector(".fjs-form-field-datetime input")).getAttribute("value"))
        .as("förslaget är dagen uppgiften skapades, inte dagen den öppnas").isEqualTo("2026-03-25");
    valjDagensDatum(f);
    helaFormularet("kssekreterare-ansla-protokollet", f);
    tasklist.slutfor(id);
    korJobb();
  }

  private void arendetAvslutasNarTidenForLaglighetsprovningGattUt(String dnr) throws Exception {
    JsonNode arende = arende(dnr);
    assertThat(arende.path("status").asText()).isEqualTo("BESLUTAT");
    LocalDate sista = LocalDate.parse(arende.path("frister").path("laglighetsprovningSistaDag").asText());
    assertThat(sista).as("tre veckor från anslaget 2026-03-26").isEqualTo(LocalDate.of(2026, 4, 16));
    klocka(sista.plusDays(1).atTime(9, 0));
    arende = arende(dnr);
    assertThat(arende.path("status").asText()).isEqualTo("AVSLUTAT");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("skrivelse")
        .processInstanceBusinessKey(dnr).singleResult().getEndActivityId()).isEqualTo("EndEvent_ArendeAvslutat");
    assertThat(handlingar(dnr)).extracting(h -> h.path("handlingstyp").asText()).containsExactly(
        "SKRIVELSE", "REMISS", "TJANSTUTLATANDE", "PROMEMORIA", "SARSKILT_UTTALANDE", "ARENDEDOKUMENT",
        "SARSKILT_UTTALANDE", "PROTOKOLLSUTDRAG", "ARENDEDOKUMENT");
    assertThat(handlingar(dnr).get(6).path("hanvisarTill").asText()).as("likalydande").isEqualTo(dnr + "-5");

    // what the official sees: the ärende's page, linked from every form
    b.oppna("http://localhost:" + port + "/arenden/" + dnr.replace(' ', '-').replace('/', '-'));
    WebElement status = b.vanta().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".status")));
    assertThat(status.getText()).isEqualTo("Avslutat");
    assertThat(b.driver().findElement(By.tagName("h1")).getText()).isEqualTo(RUBRIK);
    helaFormularet("arendet-avslutat", b.driver().findElement(By.tagName("body")));
  }

  // --- helpers ------------------------------------------------------------------------------------

  /** Moves the engine's and the browser's clocks, then runs what has fallen due. */
  private void klocka(LocalDateTime tid) {
    ClockUtil.setCurrentTime(tid(tid));
    b.klocka(tid.atZone(STOCKHOLM).toInstant());
    korJobb();
  }

  private static Date tid(LocalDateTime tid) {
    return Date.from(tid.atZone(STOCKHOLM).toInstant());
  }

  /** Runs the due jobs (asynchronous steps and timers), as the job executor would. */
  private void korJobb() {
    for (int varv = 0; varv < 100; varv++) {
      List<Job> jobb = managementService.createJobQuery().executable().list();
      if (jobb.isEmpty()) {
        return;
      }
      jobb.forEach(j -> managementService.executeJob(j.getId()));
    }
    throw new IllegalStateException("Jobben tar aldrig slut");
  }

  private void assertKontext(String dnr) {
    ingetSomHtml();
    String kontext = tasklist.kontext();
    assertThat(kontext).contains("Ärendet", "Diarienummer", dnr, "Rubrik", RUBRIK, "Avsändare",
        "Jan Jönsson (L), oppositionsborgarråd", "Ärendets handlingar");
  }

  /** The open form shows the case's texts as text: no element, link or image from the rubrik. */
  private void ingetSomHtml() {
    tasklist.kontext(); // the form is shown
    assertThat(b.driver().findElements(By.cssSelector("#ks-ond-lank, #ks-ond-bild, a[href*='ond.example']")))
        .as("element ur ärendets rubrik i formuläret").isEmpty();
  }

  private void skriv(String id, String text) {
    WebElement falt = b.vanta().until(ExpectedConditions.elementToBeClickable(By.id(id)));
    falt.clear();
    falt.sendKeys(text);
    b.vanta().until(d -> text.replace("\n", "").equals(falt.getAttribute("value").replace("\n", "")));
  }

  private void bifoga(String id, Path fil) {
    b.driver().findElement(By.id(id)).sendKeys(fil.toAbsolutePath().toString());
    b.vanta().until(d -> Boolean.TRUE.equals(b.js("var f = document.getElementById(arguments[0]); "
        + "return f.files.length === 1 && f.files[0].size > 0;", id)));
  }

  /** Clicks a choice (radio or check box) of a Camunda Form by its label, as a person does. */
  private void klickaEtikett(WebElement formular, String etikett) {
    b.vanta().until(d -> formular.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
        .filter(l -> l.getText().trim().equals(etikett) && l.isDisplayed()).findFirst().map(l -> {
          b.klicka(l);
          return l;
        }).orElse(null));
    b.vanta().until(d -> etikettensRuta(formular, etikett).isSelected());
  }

  private WebElement etikettensRuta(WebElement formular, String etikett) {
    WebElement label = formular.findElements(By.cssSelector("label.fjs-form-field-label")).stream()
        .filter(l -> l.getText().trim().equals(etikett)).findFirst().orElseThrow();
    // the box inside its label (form-js in Camunda 7.24's Tasklist) or named by the label's for (Operaton 1.0's)
    String ruta = label.getDomAttribute("for");
    return ruta == null || ruta.isBlank() ? label.findElement(By.cssSelector("input")) : formular.findElement(By.id(ruta));
  }

  /** Opens the date picker of the form's (only) date field and clicks today. */
  private void valjDagensDatum(WebElement formular) {
    WebElement falt = formular.findElement(By.cssSelector(".fjs-form-field-datetime input.flatpickr-input"));
    b.klicka(falt);
    WebElement idag = b.vanta().until(d -> formular.findElements(By.cssSelector(".flatpickr-calendar .flatpickr-day.today"))
        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    String aria = idag.getAttribute("aria-label");
    b.klicka(idag);
    b.vanta().until(d -> !falt.getAttribute("value").isBlank());
    assertThat(aria).as("dagens datum i datumväljaren följer processmotorns klocka")
        .isEqualTo(ClockUtil.now().toInstant().atZone(STOCKHOLM).toLocalDate()
            .format(java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", new java.util.Locale("sv", "SE"))));
  }

  private void bild(String namn) throws Exception {
    b.bild(String.format("%02d-%s", ++bildnummer, namn));
  }

  private void helaFormularet(String namn, WebElement innehall) throws Exception {
    b.bildAvHelaInnehallet(String.format("%02d-%s", ++bildnummer, namn), innehall);
  }

  /** A small, valid one-page PDF with a line of text. */
  private Path pdf(String namn, String text) throws Exception {
    String innehall = "BT /F1 14 Tf 72 760 Td (" + text.replaceAll("[^A-Za-z0-9 ,.()-]", "?") + ") Tj ET";
    String[] objekt = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + innehall.length() + " >>\nstream\n" + innehall + "\nendstream"};
    StringBuilder s = new StringBuilder("%PDF-1.4\n");
    int[] pos = new int[objekt.length];
    for (int i = 0; i < objekt.length; i++) {
      pos[i] = s.length();
      s.append(i + 1).append(" 0 obj\n").append(objekt[i]).append("\nendobj\n");
    }
    int xref = s.length();
    s.append("xref\n0 ").append(objekt.length + 1).append("\n0000000000 65535 f \n");
    for (int p : pos) {
      s.append(String.format("%010d 00000 n \n", p));
    }
    s.append("trailer\n<< /Size ").append(objekt.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    Path fil = tmp.resolve(namn);
    Files.writeString(fil, s, StandardCharsets.ISO_8859_1);
    return fil;
  }

  private JsonNode arende(String dnr) throws Exception {
    var svar = rest.withBasicAuth("integration", "demo").getForEntity(
        "/api/v1/arenden/" + dnr.replace(' ', '-').replace('/', '-'), String.class);
    assertThat(svar.getStatusCode().is2xxSuccessful()).as(svar.getBody()).isTrue();
    return json.readTree(svar.getBody());
  }

  private List<JsonNode> handlingar(String dnr) throws Exception {
    List<JsonNode> lista = new java.util.ArrayList<>();
    arende(dnr).path("handlingar").forEach(lista::add);
    return lista;
  }
}
