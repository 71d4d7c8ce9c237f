package se.stockholm.ks.earkiv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import se.stockholm.ks.diarium.ArendeSaknasException;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;

/**
 * The archivist's batch: delivers past ärenden to the e-arkiv (those closed before the process had
 * its step "Leverera till e-arkivet", or while it was turned off), by a list of diarienummer or by
 * the period in which they were closed. Each ärende is delivered on its own (its own transaction,
 * see {@link Earkivleverans#leverera}): one that fails does not stop the others, and running the
 * same batch again delivers nothing twice.
 */
@Service
public class Leveransbatch {

  /** The most ärenden one call delivers (each is built and validated, a few seconds each). */
  public static final int HOGST = 200;

  private static final Logger LOG = LoggerFactory.getLogger(Leveransbatch.class);

  private final Earkivleverans leverans;
  private final Diarium diarium;

  Leveransbatch(Earkivleverans leverans, Diarium diarium) {
    this.leverans = leverans;
    this.diarium = diarium;
  }

  /** What happened to one ärende. */
  public enum Utfall {
    /** Delivered now. */
    LEVERERAT,
    /** Delivered before; nothing was done. */
    REDAN_LEVERERAT,
    /** Not delivered; see the reason. */
    MISSLYCKADES
  }

  /**
   * One ärende's outcome.
   *
   * @param diarienummer the ärende as given
   * @param utfall what happened
   * @param orsak why it failed, in Swedish, or null
   * @param fil the package's file name in the delivery folder, or null
   * @param sha256 the package's SHA-256, or null
   */
  public record Resultat(String diarienummer, Utfall utfall, String orsak, String fil, String sha256) {
  }

  /**
   * @param fran the first day, inclusive
   * @param till the last day, inclusive
   * @return the ärenden closed or withdrawn in the period (the batch's selection)
   * @throws IllegalArgumentException when the period is reversed
   */
  public List<Diarienummer> avslutadeMellan(LocalDate fran, LocalDate till) {
    if (till.isBefore(fran)) {
      throw new IllegalArgumentException("Perioden slutar (" + till + ") före den börjar (" + fran + ").");
    }
    return diarium.avslutadeMellan(fran, till);
  }

  /**
   * Delivers each ärende, in the given order, once (a diarienummer given twice is delivered once).
   *
   * @param arenden diarienummer as written by the user ({@code KS 2025/1513} or {@code KS-2025-1513})
   * @param av who asked (the archivist's user id), for the log
   * @return one outcome per distinct diarienummer
   * @throws IllegalArgumentException when more than {@value #HOGST} ärenden are given
   */
  public List<Resultat> leverera(List<String> arenden, String av) {
    LinkedHashSet<String> unika = new LinkedHashSet<>(arenden);
    if (unika.size() > HOGST) {
      throw new IllegalArgumentException("Högst " + HOGST + " ärenden per leverans (" + unika.size()
          + " angivna); dela upp perioden.");
    }
    List<Resultat> resultat = new ArrayList<>();
    for (String text : unika) {
      resultat.add(ett(text));
    }
    LOG.info("E-arkivleverans begärd av {}: {} ärenden, {} levererade, {} redan levererade, {} misslyckade", av,
        resultat.size(), antal(resultat, Utfall.LEVERERAT), antal(resultat, Utfall.REDAN_LEVERERAT),
        antal(resultat, Utfall.MISSLYCKADES));
    return resultat;
  }

  private Resultat ett(String text) {
    Diarienummer dnr;
    try {
      dnr = Diarienummer.parse(text);
    } catch (IllegalArgumentException e) {
      return new Resultat(text, Utfall.MISSLYCKADES, "Inget giltigt diarienummer: " + e.getMessage(), null, null);
    }
    try {
      Leverans l = leverans.leverera(dnr);
      return new Resultat(dnr.toString(), l.ny() ? Utfall.LEVERERAT : Utfall.REDAN_LEVERERAT, null,
          l.fil().getFileName().toString(), l.sha256());
    } catch (ArendeSaknasException e) {
      return new Resultat(dnr.toString(), Utfall.MISSLYCKADES, "Ärendet " + dnr + " finns inte i diariet.", null, null);
    } catch (ArkivpaketException e) {
      LOG.warn("{} kunde inte levereras till e-arkivet: {}", dnr, e.getMessage());
      return new Resultat(dnr.toString(), Utfall.MISSLYCKADES, e.getMessage(), null, null);
    }
  }

  private static long antal(List<Resultat> r, Utfall u) {
    return r.stream().filter(x -> x.utfall() == u).count();
  }
}
