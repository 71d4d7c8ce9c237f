package se.stockholm.ks.earkiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.scenario.Scenario;
import se.stockholm.ks.support.Api;
import se.stockholm.ks.support.IntegrationTest;

/**
 * The e-arkiv package: the seed's ärende KS 2025/1513, after the whole scenario, and a withdrawn
 * ärende export E-ARK SIPs that pass commons-ip2's validator and the ERMS XSD; read back, every
 * handling {@code -1 … -n} is there with the diarium's checksum, the dnr is the caseFile's
 * objectId, the likalydande särskilt uttalande points at its twin, the decision is an action; a
 * handling the registrator marked secret (in the diarium, through the API) carries the mark as an
 * ERMS restriction; an open ärende is refused and
 * nothing is left behind.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArkivpaketIT {

  static final String ERMS = ErmsXml.NS;

  static final Path LEVERANSMAPP;

  static {
    try {
      LEVERANSMAPP = Files.createTempDirectory("earkiv-leverans");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @org.springframework.test.context.DynamicPropertySource
  static void leveransmapp(org.springframework.test.context.DynamicPropertyRegistry r) {
    r.add("ks.earkiv.leveransmapp", LEVERANSMAPP::toString);
  }

  @Autowired
  Arkivpaketbyggare byggare;
  @Autowired
  Earkivleverans leverans;
  @Autowired
  Diarium diarium;
  @LocalServerPort
  int port;

  Path mapp;

  @BeforeAll
  void scenario() throws Exception {
    mapp = Files.createTempDirectory("earkiv");
    ByteArrayOutputStream logg = new ByteArrayOutputStream();
    Scenario.Resultat r = new Scenario("http://localhost:" + port, Files.createTempDirectory("scenario"),
        new PrintStream(logg, true, StandardCharsets.UTF_8)).kor();
    assertThat(r.status()).isEqualTo("AVSLUTAT");
    // the registrator marks the tjänsteutlåtande (-3) secret, as the diarium's secrecy marks are set
    Api.Svar markerad = new Api(port).send("registrator", "PUT", "/api/v1/arenden/KS-2025-1513/handlingar/3/sekretess",
        "application/json", "{\"hanvisning\": \"OSL 21 kap. 7 §\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(markerad.status()).as(markerad.toString()).isEqualTo(200);
  }

  @Test
  void theSeedCaseExportsAValidPackageWithEveryHandling() throws Exception {
    Diarienummer dnr = Diarienummer.parse("KS 2025/1513");
    Arkivpaket paket = byggare.bygg(dnr, mapp);

    assertThat(paket.paketId()).isEqualTo("KS-2025-1513");
    assertThat(Arkivpaketbyggare.sha256(Files.readAllBytes(paket.zip()))).isEqualTo(paket.sha256());
    Map<String, byte[]> filer = las(paket.zip());
    String rot = "KS-2025-1513/";
    assertThat(filer).containsKeys(rot + "METS.xml", rot + "representations/rep1/METS.xml",
        rot + "metadata/descriptive/ERMS.xml",
        rot + "metadata/preservation/premis.xml", rot + "schemas/ERMS.xsd", rot + "schemas/premis-v3-0.xsd");
    // the package passes the E-ARK validator again, read back from its bytes, and ERMS.xml the XSD
    Arkivpaketbyggare.valideraPaket(paket.zip());
    byggare.validera(filer.get(rot + "metadata/descriptive/ERMS.xml"));
    byggare.valideraPremis(filer.get(rot + "metadata/preservation/premis.xml"));

    Document erms = dom(filer.get(rot + "metadata/descriptive/ERMS.xml"));
    Element aggregation = (Element) erms.getElementsByTagNameNS(ERMS, "aggregation").item(0);
    assertThat(aggregation.getAttribute("aggregationType")).isEqualTo("caseFile");
    assertThat(barn(aggregation, "objectId")).isEqualTo("KS 2025/1513");
    assertThat(barn(aggregation, "title")).startsWith("Skrivelse angående stadens inbjudan");

    List<Handling> handlingar = diarium.handlingar(dnr);
    assertThat(handlingar).hasSize(9);
    NodeList records = erms.getElementsByTagNameNS(ERMS, "record");
    assertThat(records.getLength()).isEqualTo(handlingar.size());
    Map<String, Element> perNummer = new LinkedHashMap<>();
    for (int i = 0; i < records.getLength(); i++) {
      Element rec = (Element) records.item(i);
      perNummer.put(barn(rec, "objectId"), rec);
    }
    for (Handling h : handlingar) {
      Element rec = perNummer.get(h.dokumentnummer());
      assertThat(rec).as(h.dokumentnummer()).isNotNull();
      assertThat(barn(rec, "runningNumber")).isEqualTo(Integer.toString(h.lopnummer()));
      Element appendix = (Element) rec.getElementsByTagNameNS(ERMS, "appendix").item(0);
      byte[] fil = filer.get(rot + appendix.getAttribute("path"));
      assertThat(fil).as(appendix.getAttribute("path")).isNotNull();
      assertThat(Arkivpaketbyggare.sha256(fil)).isEqualTo(h.sha256());
      assertThat(new String(filer.get(rot + "metadata/preservation/premis.xml"), StandardCharsets.UTF_8))
          .contains(h.sha256());
      assertThat(new String(filer.get(rot + "representations/rep1/METS.xml"), StandardCharsets.UTF_8).toLowerCase())
          .as("the representation's METS lists the file with its checksum").contains(h.sha256());
    }
    Element likalydande = perNummer.get("KS 2025/1513-7");
    assertThat(barn(likalydande, "relation")).isEqualTo("KS 2025/1513-5");
    assertThat(((Element) likalydande.getElementsByTagNameNS(ERMS, "relation").item(0))
        .getAttribute("otherRelationType")).isEqualTo("likalydande med");
    assertThat(((Element) perNummer.get("KS 2025/1513-1").getElementsByTagNameNS(ERMS, "direction").item(0))
        .getAttribute("directionDefinition")).isEqualTo("incoming");
    assertThat(((Element) perNummer.get("KS 2025/1513-8").getElementsByTagNameNS(ERMS, "direction").item(0))
        .getAttribute("directionDefinition")).isEqualTo("outgoing");

    // the secret tjänsteutlåtande carries its mark; the others none
    Element sekret = perNummer.get("KS 2025/1513-3");
    assertThat(barn(sekret, "regulation")).isEqualTo("OSL 21 kap. 7 §");
    assertThat(((Element) sekret.getElementsByTagNameNS(ERMS, "restriction").item(0)).getAttribute("restrictionType"))
        .isEqualTo("confidential");
    assertThat(perNummer.get("KS 2025/1513-1").getElementsByTagNameNS(ERMS, "restriction").getLength()).isZero();

    // the decision: an action with the decision's date
    String beslutstext = diarium.beslut(dnr).orElseThrow().beslutstext();
    NodeList actions = aggregation.getElementsByTagNameNS(ERMS, "action");
    boolean beslut = false;
    for (int i = 0; i < actions.getLength(); i++) {
      Element a = (Element) actions.item(i);
      if (barn(a, "actionText").equals(beslutstext) && a.getElementsByTagNameNS(ERMS, "actionDate").getLength() == 1
          && ((Element) a.getElementsByTagNameNS(ERMS, "actionDate").item(0)).getAttribute("dateType").equals("decision")) {
        beslut = true;
      }
    }
    assertThat(beslut).as("beslutet som action").isTrue();
    assertThat(actions.getLength()).isGreaterThan(diarium.handelser(dnr).size()); // the event log, and the decision
  }

  @Test
  void aWithdrawnArendeExports() throws Exception {
    Api api = new Api(port);
    Api.Svar svar = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik":"Skrivelse om återkallad fråga","avsandare":{"namn":"Jan Jönsson","parti":"L","roll":"oppositionsborgarråd"},
         "inkom":"2025-11-26T10:15:00+01:00","fragor":["Varför?"],"text":"Skrivelsens text."}""");
    assertThat(svar.status()).as(svar.toString()).isEqualTo(201);
    String url = svar.json().path("url").asText();
    assertThat(api.postJson("integration", url + "/aterkallelse", "{\"motivering\":\"Frågan är besvarad.\"}").status())
        .isEqualTo(200);
    Diarienummer dnr = Diarienummer.parse(svar.json().path("diarienummer").asText());

    Arkivpaket paket = byggare.bygg(dnr, mapp);
    Map<String, byte[]> filer = las(paket.zip());
    Document erms = dom(filer.get(paket.paketId() + "/metadata/descriptive/ERMS.xml"));
    assertThat(barn((Element) erms.getElementsByTagNameNS(ERMS, "aggregation").item(0), "objectId"))
        .isEqualTo(dnr.toString());
    assertThat(erms.getElementsByTagNameNS(ERMS, "record").getLength()).isEqualTo(diarium.handlingar(dnr).size())
        .isPositive();
    assertThat(new String(filer.get(paket.paketId() + "/metadata/descriptive/ERMS.xml"), StandardCharsets.UTF_8))
        .contains("ATERKALLAT");
  }

  @Test
  void anOpenArendeIsRefusedAndNothingIsLeftBehind() throws Exception {
    Api api = new Api(port);
    Api.Svar svar = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik":"Pågående skrivelse","avsandare":{"namn":"Jan Jönsson","parti":"L","roll":"oppositionsborgarråd"},
         "inkom":"2025-11-26T10:15:00+01:00","fragor":["Varför?"],"text":"Skrivelsens text."}""");
    Diarienummer dnr = Diarienummer.parse(svar.json().path("diarienummer").asText());
    Path tom = Files.createTempDirectory("earkiv-tom");
    assertThatThrownBy(() -> byggare.bygg(dnr, tom)).isInstanceOf(ArkivpaketException.class)
        .hasMessageContaining("pågående");
    try (var s = Files.list(tom)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void theArchivistDownloadsThePackageAndNoOtherGroupDoes() throws Exception {
    Api api = new Api(port);
    String url = "/api/v1/arenden/KS-2025-1513/arkivpaket";
    Api.Svar svar = api.get("arkivarie", url);
    assertThat(svar.status()).as(svar.toString()).isEqualTo(200);
    assertThat(svar.contentType()).isEqualTo("application/zip");
    assertThat(svar.header("Content-Disposition")).contains("KS-2025-1513.zip");
    assertThat(svar.header("Repr-Digest")).isEqualTo("sha-256=:" + java.util.Base64.getEncoder().encodeToString(
        java.util.HexFormat.of().parseHex(Arkivpaketbyggare.sha256(svar.body()))) + ":");
    Path zip = Files.createTempFile("arkivpaket", ".zip");
    Files.write(zip, svar.body());
    Arkivpaketbyggare.valideraPaket(zip);
    assertThat(las(zip)).containsKey("KS-2025-1513/metadata/descriptive/ERMS.xml");

    for (String annan : List.of("integration", "processagare", "registrator", "kssekreterare", "rotel1")) {
      Api.Svar nej = api.get(annan, url);
      assertThat(nej.status()).as(annan).isEqualTo(403);
      assertThat(nej.contentType()).startsWith("application/problem+json");
      assertThat(nej.text()).contains("arkivarie");
    }
    assertThat(api.get("arkivarie", "/api/v1/arenden/KS-2025-999999/arkivpaket").status()).isEqualTo(404);
    Api.Svar pagaende = api.postJson("integration", "/api/v1/skrivelser", """
        {"rubrik":"Ännu inte avslutad","avsandare":{"namn":"Jan Jönsson","parti":"L","roll":"oppositionsborgarråd"},
         "inkom":"2025-11-26T10:15:00+01:00","fragor":["Varför?"],"text":"Skrivelsens text."}""");
    Api.Svar konflikt = api.get("arkivarie", pagaende.json().path("url").asText() + "/arkivpaket");
    assertThat(konflikt.status()).as(konflikt.toString()).isEqualTo(409);
    assertThat(konflikt.text()).contains("bara avslutade och återkallade");
  }

  @Test
  void deliveryIsAtomicIdempotentAndLoggedWithTheChecksum() throws Exception {
    Diarienummer dnr = Diarienummer.parse("KS 2025/1513");
    // the process's last step delivered the package when the scenario closed the ärende
    Path levererad = LEVERANSMAPP.resolve("KS-2025-1513.zip");
    assertThat(levererad).exists();
    Arkivpaketbyggare.valideraPaket(levererad);
    String summa = Arkivpaketbyggare.sha256(Files.readAllBytes(levererad));
    assertThat(leveranser(dnr)).singleElement().asString().contains("KS-2025-1513.zip", "SHA-256 " + summa);

    // again (a retried job, the archivist's batch): nothing new is built, written or logged
    long andrad = Files.getLastModifiedTime(levererad).toMillis();
    assertThat(leverans.leverera(dnr)).isEqualTo(new Leverans(levererad, summa, false));
    assertThat(Files.getLastModifiedTime(levererad).toMillis()).isEqualTo(andrad);
    assertThat(leveranser(dnr)).hasSize(1);

    // the e-arkiv took the package away, and a node killed mid-delivery left a hidden temporary file:
    // delivered anew, atomically, the leftover removed
    Files.delete(levererad);
    Path overgiven = Files.writeString(LEVERANSMAPP.resolve(".KS-2025-1513-123.zip.tmp"), "halvskriven");
    Leverans ny = leverans.leverera(dnr);
    assertThat(ny.ny()).isTrue();
    assertThat(ny.fil()).isEqualTo(levererad);
    assertThat(overgiven).doesNotExist();
    try (var s = Files.list(LEVERANSMAPP)) {
      assertThat(s.map(f -> f.getFileName().toString())).containsExactly("KS-2025-1513.zip");
    }
    Arkivpaketbyggare.valideraPaket(levererad);
    assertThat(ny.sha256()).isEqualTo(Arkivpaketbyggare.sha256(Files.readAllBytes(levererad)));
    assertThat(leveranser(dnr)).hasSize(2).last().asString().contains("SHA-256 " + ny.sha256());
  }

  private List<String> leveranser(Diarienummer dnr) {
    return diarium.handelser(dnr).stream()
        .filter(h -> h.handelsetyp() == se.stockholm.ks.diarium.Handelsetyp.LEVERERAT_TILL_EARKIV)
        .map(h -> h.beskrivning()).toList();
  }

  @Test
  void anInvalidPremisIsRefused() {
    assertThatThrownBy(() -> byggare.valideraPremis(("<premis xmlns=\"" + PremisXml.NS + "\" version=\"3.0\">"
        + "<object/></premis>").getBytes(StandardCharsets.UTF_8))).isInstanceOf(ArkivpaketException.class)
        .hasMessageContaining("PREMIS 3");
  }

  @Test
  void anInvalidErmsIsRefused() {
    assertThatThrownBy(() -> byggare.validera(("<erms xmlns=\"" + ERMS + "\"><control/></erms>")
        .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ArkivpaketException.class)
        .hasMessageContaining("inte giltig");
  }

  static Map<String, byte[]> las(Path zip) throws IOException {
    Map<String, byte[]> filer = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (!e.isDirectory()) {
          filer.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return filer;
  }

  static Document dom(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  static String barn(Element e, String namn) {
    NodeList l = e.getElementsByTagNameNS(ERMS, namn);
    return l.getLength() == 0 ? null : l.item(0).getTextContent();
  }
}
