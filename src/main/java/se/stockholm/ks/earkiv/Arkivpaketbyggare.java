package se.stockholm.ks.earkiv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.roda_project.commons_ip.utils.IPException;
import org.roda_project.commons_ip2.model.IPContentInformationType;
import org.roda_project.commons_ip2.model.IPContentType;
import org.roda_project.commons_ip2.model.IPDescriptiveMetadata;
import org.roda_project.commons_ip2.model.IPFile;
import org.roda_project.commons_ip2.model.IPMetadata;
import org.roda_project.commons_ip2.model.IPRepresentation;
import org.roda_project.commons_ip2.model.MetadataType;
import org.roda_project.commons_ip2.model.impl.eark.EARKSIP;
import org.roda_project.commons_ip2.model.impl.eark.out.writers.factory.ZipWriteStrategyFactory;
import org.roda_project.commons_ip2.validator.EARKSIPValidator;
import org.roda_project.commons_ip2.validator.reporter.ValidationReportOutputJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import org.xml.sax.SAXException;

import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.ArendeSaknasException;
import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Sekretess;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingInnehall;

/**
 * Builds an ärende's E-ARK SIP and validates it: ERMS.xml against the vendored CITS ERMS XSD,
 * premis.xml against the vendored PREMIS 3.0 XSD, then the whole ZIP with commons-ip2's E-ARK SIP validator. A package that fails either is
 * deleted and never handed out.
 *
 * <p>Text-only handlingar (no file) are written as UTF-8 text ({@code text/plain; charset=UTF-8},
 * {@code .txt}): exactly the bytes the diarium's checksum covers, so the checksum in ERMS and
 * PREMIS is the diarium's own.
 */
@Service
public class Arkivpaketbyggare {

  private static final Logger LOG = LoggerFactory.getLogger(Arkivpaketbyggare.class);
  static final String PROGRAMVARA = "Skrivelseprocessen";

  private final Diarium diarium;
  private final EarkivInstallningar installningar;
  private final Sekretess sekretess;
  private final Informationshanteringsplan plan;
  private final Gallring gallring;
  private final Schema ermsSchema;
  private final Schema premisSchema;

  Arkivpaketbyggare(Diarium diarium, EarkivInstallningar installningar, Sekretess sekretess,
                    Informationshanteringsplan plan, Gallring gallring) {
    this.diarium = diarium;
    this.installningar = installningar;
    this.sekretess = sekretess;
    this.plan = plan;
    this.gallring = gallring;
    this.ermsSchema = schema("earkiv/schemas/ERMS.xsd");
    this.premisSchema = schema("earkiv/schemas/premis-v3-0.xsd");
  }

  /**
   * Builds and validates the package of a closed or withdrawn ärende.
   *
   * @param dnr the diarienummer
   * @param mapp the folder the ZIP is written into (created if missing)
   * @return the validated package
   * @throws ArendeSaknasException if there is no such ärende
   * @throws ArkivpaketException if the ärende is neither avslutat nor återkallat, a handling's content
   *     does not match its checksum, or the package fails validation (nothing is left in {@code mapp})
   */
  public Arkivpaket bygg(Diarienummer dnr, Path mapp) {
    Arende arende = diarium.arende(dnr).orElseThrow(() -> new ArendeSaknasException(dnr));
    if (arende.status() != Arendestatus.AVSLUTAT && arende.status() != Arendestatus.ATERKALLAT) {
      throw new EjArkiverbartException("Ärendet " + dnr + " är " + arende.status().text()
          + "; bara avslutade och återkallade ärenden levereras till e-arkivet.");
    }
    String paketId = Earkivleverans.paketId(dnr);
    OffsetDateTime nu = Diarium.nu();
    Path arbete = null;
    Path zip = null;
    try {
      Files.createDirectories(mapp);
      arbete = Files.createTempDirectory("arkivpaket-");
      Path data = Files.createDirectories(arbete.resolve("data"));

      List<ErmsXml.Post> poster = new ArrayList<>();
      List<PremisXml.Fil> filer = new ArrayList<>();
      EARKSIP sip = new EARKSIP(paketId, IPContentType.getMIXED(),
          new IPContentInformationType(IPContentInformationType.IPContentInformationTypeEnum.citserms_v2_1));
      sip.addCreatorSoftwareAgent(PROGRAMVARA, "1");
      // CSIP5: the organisation that submits the package (the arkivbildare)
      sip.addSubmitterAgent(installningar.organisation(), installningar.organisationsnummer());
      sip.setDescription(arende.diarienummer() + " " + arende.rubrik());
      IPRepresentation rep = new IPRepresentation("rep1");
      sip.addRepresentation(rep);

      Map<Integer, String> markeringar = sekretess.handlingarnas(dnr);
      for (Handling h : diarium.handlingar(dnr)) {
        Gallring.Gallrad gallrad = gallring.gallrad(h.dokumentnummer()).orElse(null);
        if (gallrad != null) {
          // its content is gone by a gallringsbeslut: the record stays, with the decision, without a file
          poster.add(new ErmsXml.Post(h, null, h.mediatyp(), markeringar.get(h.lopnummer()),
              plan.rad(h.handlingstyp()), plan.beteckning(), gallrad));
          continue;
        }
        HandlingInnehall innehall = diarium.innehall(h.dokumentnummer()).orElseThrow();
        byte[] bytes = innehall.bytes();
        String summa = sha256(bytes);
        if (!summa.equals(h.sha256())) {
          throw new ArkivpaketException("Handlingen " + h.dokumentnummer()
              + ": innehållets kontrollsumma stämmer inte med diariets (" + summa + " ≠ " + h.sha256() + ").");
        }
        boolean fil = innehall.fil() != null;
        String namn = String.format(Locale.ROOT, "%03d_%s", h.lopnummer(),
            fil && h.filnamn() != null ? filnamn(h.filnamn()) : "text.txt");
        String mediatyp = fil ? h.mediatyp() : "text/plain; charset=UTF-8";
        Path sokvagLokal = Files.write(data.resolve(namn), bytes);
        String sokvag = "representations/rep1/data/" + namn;
        IPFile ipFil = new IPFile(sokvagLokal);
        ipFil.setChecksumAndAlgorithm(summa, "SHA-256");
        rep.addFile(ipFil);
        poster.add(new ErmsXml.Post(h, sokvag, mediatyp, markeringar.get(h.lopnummer()),
            plan.rad(h.handlingstyp()), plan.beteckning(), null));
        filer.add(new PremisXml.Fil(sokvag, summa, bytes.length, mediatyp,
            fil && h.filnamn() != null ? h.filnamn() : h.dokumentnummer() + " (text)"));
      }

      byte[] erms = ErmsXml.skriv(arende, poster, diarium.handelser(dnr), diarium.beslut(dnr).orElse(null),
          installningar, nu);
      validera(erms);
      Path ermsFil = Files.write(arbete.resolve("ERMS.xml"), erms);
      sip.addDescriptiveMetadata(new IPDescriptiveMetadata("ERMS", new IPFile(ermsFil),
          new MetadataType(MetadataType.MetadataTypeEnum.OTHER).setOtherType("ERMS"), "2.1.2"));
      byte[] premis = PremisXml.skriv(filer, nu, PROGRAMVARA);
      valideraPremis(premis);
      Path premisFil = Files.write(arbete.resolve("premis.xml"), premis);
      sip.addPreservationMetadata(new IPMetadata("premis", new IPFile(premisFil),
          new MetadataType(MetadataType.MetadataTypeEnum.PREMIS)));
      try (InputStream xsd = new ClassPathResource("earkiv/schemas/ERMS.xsd").getInputStream()) {
        Path schema = arbete.resolve("ERMS.xsd");
        Files.copy(xsd, schema);
        sip.addSchema(new IPFile(schema));
      }
      try (InputStream xsd = new ClassPathResource("earkiv/schemas/premis-v3-0.xsd").getInputStream()) {
        Path schema = arbete.resolve("premis-v3-0.xsd");
        Files.copy(xsd, schema);
        sip.addSchema(new IPFile(schema));
      }

      Path ut = Files.createDirectories(arbete.resolve("ut"));
      Path byggd = sip.build(new ZipWriteStrategyFactory().create(ut), paketId + ".zip");
      valideraPaket(byggd);
      zip = Files.createTempFile(mapp, "." + paketId + "-", ".zip.tmp");
      Files.move(byggd, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      String paketSumma;
      try (InputStream in = Files.newInputStream(zip)) {
        paketSumma = sha256(in);
      }
      Arkivpaket paket = new Arkivpaket(paketId, zip, paketSumma, Files.size(zip));
      zip = null;
      LOG.info("Arkivpaket {} byggt och validerat ({} byte, SHA-256 {})", paketId, paket.storlek(), paketSumma);
      return paket;
    } catch (IOException | IPException e) {
      throw new ArkivpaketException("Arkivpaketet för " + dnr + " kunde inte byggas: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArkivpaketException("Byggandet av arkivpaketet för " + dnr + " avbröts.", e);
    } finally {
      radera(zip);
      if (arbete != null) {
        try {
          FileSystemUtils.deleteRecursively(arbete);
        } catch (IOException e) {
          LOG.warn("Arbetskatalogen {} kunde inte raderas", arbete, e);
        }
      }
    }
  }

  /**
   * Validates ERMS.xml against the vendored CITS ERMS 2.1.2 XSD.
   *
   * @param erms the document
   * @throws ArkivpaketException if it is not valid
   */
  void validera(byte[] erms) {
    try {
      ermsSchema.newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(erms)));
    } catch (SAXException | IOException e) {
      throw new ArkivpaketException("ERMS.xml är inte giltig mot CITS ERMS-schemat: " + e.getMessage(), e);
    }
  }

  /**
   * Validates a built SIP (ZIP) with commons-ip2's E-ARK SIP validator (CSIP and SIP requirements).
   *
   * @param zip the package
   * @throws ArkivpaketException with the failed requirements if it is not valid
   */
  static void valideraPaket(Path zip) {
    ByteArrayOutputStream rapport = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(rapport, true, StandardCharsets.UTF_8)) {
      ValidationReportOutputJson json = new ValidationReportOutputJson(zip, ps);
      EARKSIPValidator validator = new EARKSIPValidator(json, "2.1.0");
      boolean giltig = validator.validate("2.1.0");
      if (!giltig || json.getErrors() > 0) {
        throw new ArkivpaketException("Arkivpaketet klarar inte E-ARK-valideringen (" + json.getErrors()
            + " fel): " + rapport.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException | javax.xml.parsers.ParserConfigurationException | SAXException e) {
      throw new ArkivpaketException("Arkivpaketet kunde inte valideras: " + e.getMessage(), e);
    }
  }

  /**
   * Validates premis.xml against the vendored PREMIS 3.0 XSD.
   *
   * @param premis the document
   * @throws ArkivpaketException if it is not valid
   */
  void valideraPremis(byte[] premis) {
    try {
      premisSchema.newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(premis)));
    } catch (SAXException | IOException e) {
      throw new ArkivpaketException("premis.xml är inte giltig mot PREMIS 3-schemat: " + e.getMessage(), e);
    }
  }

  private static Schema schema(String resurs) {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return f.newSchema(new ClassPathResource(resurs).getURL());
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("Schemat " + resurs + " kunde inte läsas", e);
    }
  }

  private static String filnamn(String namn) {
    String rent = namn.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    return rent.isEmpty() ? "fil" : rent;
  }

  private static void radera(Path fil) {
    if (fil != null) {
      try {
        Files.deleteIfExists(fil);
      } catch (IOException e) {
        LOG.warn("{} kunde inte raderas", fil, e);
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream d = new DigestInputStream(in, md)) {
        d.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
