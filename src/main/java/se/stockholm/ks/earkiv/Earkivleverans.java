package se.stockholm.ks.earkiv;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelse;
import se.stockholm.ks.diarium.Handelsetyp;

/**
 * Delivers an ärende's package to the e-arkiv's folder ({@code ks.earkiv.leveransmapp}):
 * built and validated beside the target (a hidden {@code .tmp} file in the same folder), then
 * renamed atomically to {@code <paketId>.zip}, so the folder never holds a half-written package; a
 * crash leaves at most a {@code .tmp} file, which the next attempt removes. Idempotent: an ärende
 * whose delivery is in the event log, with its package in the folder, is not delivered again. The
 * event log records the delivery with the package's SHA-256. One delivery of an ärende runs at a
 * time (the ärende's row is locked in the database), so the process's step and the archivist's batch
 * never deliver the same ärende twice.
 */
@Service
public class Earkivleverans {

  private static final Logger LOG = LoggerFactory.getLogger(Earkivleverans.class);
  static final String PREFIX = "Levererat till e-arkivet: ";

  private final Arkivpaketbyggare byggare;
  private final Diarium diarium;
  private final EarkivInstallningar installningar;
  private final JdbcClient jdbc;

  Earkivleverans(Arkivpaketbyggare byggare, Diarium diarium, EarkivInstallningar installningar, JdbcClient jdbc) {
    this.byggare = byggare;
    this.diarium = diarium;
    this.installningar = installningar;
    this.jdbc = jdbc;
  }

  /**
   * Delivers the package, unless it was delivered before.
   *
   * @param dnr the diarienummer of an avslutat or återkallat ärende
   * @return the delivered package's file and checksum, and whether this call delivered it
   * @throws se.stockholm.ks.diarium.ArendeSaknasException if there is no such ärende
   * @throws EjArkiverbartException if the ärende is neither avslutat nor återkallat
   * @throws ArkivpaketException if the package cannot be built, fails validation or cannot be
   *     moved into place (nothing new is left in the folder)
   */
  @Transactional
  public Leverans leverera(Diarienummer dnr) {
    // one delivery of an ärende at a time, whoever asks (the process's job on any node, the archivist's
    // batch): the ärende's row is locked until the delivery and its event are committed
    if (jdbc.sql("select id from arende where diarienummer = ? for update").param(dnr.toString())
        .query(Long.class).optional().isEmpty()) {
      throw new se.stockholm.ks.diarium.ArendeSaknasException(dnr);
    }
    Path mapp = installningar.leveransmapp();
    Optional<Handelse> tidigare = diarium.handelser(dnr).stream()
        .filter(h -> h.handelsetyp() == Handelsetyp.LEVERERAT_TILL_EARKIV).reduce((a, b) -> b);
    Path mal = mapp.resolve(paketId(dnr) + ".zip");
    if (tidigare.isPresent() && Files.exists(mal)) {
      LOG.info("{} är redan levererat till e-arkivet ({})", dnr, mal);
      return new Leverans(mal, kontrollsumma(tidigare.get()), false);
    }
    rensaOvergivna(mapp, dnr);
    Arkivpaket paket = byggare.bygg(dnr, mapp);
    provpaus(paket.zip());
    try {
      try {
        Files.move(paket.zip(), mal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new ArkivpaketException("Leveransmappen " + mapp + " medger inte atomiskt namnbyte; inget levererades.", e);
      }
    } catch (IOException e) {
      throw new ArkivpaketException("Arkivpaketet för " + dnr + " kunde inte flyttas till " + mal + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(paket.zip());
      } catch (IOException e) {
        LOG.warn("{} kunde inte raderas", paket.zip(), e);
      }
    }
    diarium.registreraHandelse(dnr, Handelsetyp.LEVERERAT_TILL_EARKIV,
        PREFIX + mal.getFileName() + ", " + paket.storlek() + " byte, SHA-256 " + paket.sha256() + ".", null, null,
        "earkiv:" + paket.sha256());
    LOG.info("{} levererat till e-arkivet: {} (SHA-256 {})", dnr, mal, paket.sha256());
    return new Leverans(mal, paket.sha256(), true);
  }

  private static String kontrollsumma(Handelse h) {
    int i = h.beskrivning().lastIndexOf("SHA-256 ");
    return i < 0 ? null : h.beskrivning().substring(i + 8).replaceAll("[^0-9a-f]", "");
  }

  /**
   * Test only ({@code ks.earkiv.test.paus-fore-namnbyte}, absent in every profile): holds the
   * finished package in its hidden temporary file before the rename, so a test can kill the node
   * mid-delivery.
   */
  private void provpaus(Path tmp) {
    java.time.Duration paus = installningar.test() == null ? null : installningar.test().pausForeNamnbyte();
    if (paus == null || paus.isZero()) {
      return;
    }
    LOG.warn("Testläge: väntar {} före namnbytet av {}", paus, tmp);
    try {
      Thread.sleep(paus.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArkivpaketException("Leveransen avbröts.", e);
    }
  }

  /** Removes what an interrupted earlier attempt (a killed node) left: hidden .tmp files of this ärende. */
  private static void rensaOvergivna(Path mapp, Diarienummer dnr) {
    if (!Files.isDirectory(mapp)) {
      return;
    }
    try (var filer = Files.newDirectoryStream(mapp, "." + paketId(dnr) + "-*.zip.tmp")) {
      for (Path f : filer) {
        LOG.warn("Tar bort ofullständigt arkivpaket från ett avbrutet försök: {}", f);
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new ArkivpaketException("Leveransmappen " + mapp + " kunde inte läsas: " + e.getMessage(), e);
    }
  }

  /**
   * @param dnr a diarienummer
   * @return the package id: the diarienummer with every run of other characters than letters and
   *     digits as one hyphen, e.g. {@code KS-2025-1513}
   */
  static String paketId(Diarienummer dnr) {
    return dnr.toString().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
