package se.stockholm.ks.meddelanden;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingInnehall;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.organisation.Organisation;

/**
 * The process's messages: builds the message a step sends from the step's variables and the
 * diarium ({@link Meddelandemallar}), sends it once ({@link Utskick}) and records it in the ärende —
 * an event naming the recipient, the subject and the time, linked to the handling it expedierar
 * (the remiss, the extension, the protokollsutdrag; the protokollsutdrag is then marked expedierad to
 * the sender). Called from a job (an {@code asyncBefore} step), never from a user's transaction.
 */
@Service
public class Meddelanden {

  private final Meddelandemallar mallar;
  private final Utskick utskick;
  private final Diarium diarium;
  private final MeddelandeInstallningar installningar;
  private final Organisation organisation;
  private final Frister frister;

  Meddelanden(Meddelandemallar mallar, Utskick utskick, Diarium diarium, MeddelandeInstallningar installningar,
              Organisation organisation, Frister frister) {
    this.mallar = mallar;
    this.utskick = utskick;
    this.diarium = diarium;
    this.installningar = installningar;
    this.organisation = organisation;
    this.frister = frister;
  }

  /**
   * Builds, sends (once) and records the message of the given kind for the step.
   *
   * @param execution the step's execution (the remiss, BRB or skrivelse process)
   * @param typ the kind of message
   * @return what happened
   * @throws MeddelandeEjSkickatException when it was not sent now (the job fails: retry, then incident)
   */
  public Utskick.Resultat skicka(DelegateExecution execution, Meddelandetyp typ) {
    Meddelande m = bygg(execution, typ);
    Utskick.Resultat resultat = utskick.skicka(m);
    String till = m.mottagareNamn() + " <" + m.mottagare() + ">";
    String beskrivning = resultat.status() == Meddelandestatus.I_UTKORGEN
        ? "E-post till " + till + " lagd i utkorgen, inte skickad (ks.meddelanden.transport=utkorg): ”" + m.amne() + "”."
        : "E-post skickad till " + till + ": ”" + m.amne() + "”.";
    diarium.registreraHandelse(m.dnr(), Handelsetyp.MEDDELANDE_SKICKAT, beskrivning, null, m.dokumentnummer(),
        "meddelande:" + utskick.messageId(m.nyckel()), resultat.tid());
    if (typ == Meddelandetyp.BESLUT && m.dokumentnummer() != null) {
      diarium.expediera(m.dokumentnummer(), m.mottagareNamn());
    }
    return resultat;
  }

  /**
   * @param execution the step's execution
   * @param typ the kind
   * @return the message the step sends (the same on every attempt)
   */
  Meddelande bygg(DelegateExecution execution, Meddelandetyp typ) {
    Diarienummer dnr = se.stockholm.ks.engine.Processkontext.diarienummer(execution);
    String pi = execution.getProcessInstanceId();
    String rubrik = (String) execution.getVariable(RUBRIK);
    return switch (typ) {
      case REMISS -> {
        String instans = (String) execution.getVariable(REMISSINSTANS_NAMN);
        String adress = remissinstansAdress(execution);
        String remiss = (String) execution.getVariable(REMISS);
        List<Meddelande.Bilaga> bilagor = new ArrayList<>();
        bilaga(remiss).ifPresent(bilagor::add);
        bilaga(dnr.dokumentnummer(1)).ifPresent(bilagor::add);
        yield mallar.remiss(nyckel(typ, pi, adress), dnr, rubrik, instans, adress,
            Frister.datum(execution.getVariable(SVARSDATUM)), remiss, bilagor);
      }
      case PAMINNELSE -> {
        String adress = remissinstansAdress(execution);
        LocalDate svarsdatum = Frister.datum(execution.getVariable(SVARSDATUM));
        yield mallar.paminnelse(nyckel(typ, pi + ":" + svarsdatum, adress), dnr, rubrik,
            (String) execution.getVariable(REMISSINSTANS_NAMN), adress, svarsdatum,
            (String) execution.getVariable(REMISS));
      }
      case SVARSDATUM_PASSERAT -> {
        String adress = installningar.kansliAdress().orElseThrow(() -> ingenAdress("KS kansli", "ks.meddelanden.kansli"));
        LocalDate svarsdatum = Frister.datum(execution.getVariable(SVARSDATUM));
        yield mallar.svarsdatumPasserat(nyckel(typ, pi + ":" + svarsdatum, adress), dnr, rubrik,
            (String) execution.getVariable(REMISSINSTANS_NAMN), adress, svarsdatum,
            Frister.datum(frister.kansliSenast()));
      }
      case FORLANGNING -> {
        String adress = remissinstansAdress(execution);
        String besked = (String) execution.getVariable(FORLANGNING);
        HandlingInnehall innehall = diarium.innehall(besked)
            .orElseThrow(() -> new IllegalStateException("Beskedet " + besked + " finns inte i diariet"));
        String struktur = innehall.struktur() == null ? "" : innehall.struktur();
        LocalDate tidigare = Frister.datum(se.stockholm.ks.engine.Json.objekt(struktur).get("tidigareSvarsdatum"));
        List<Meddelande.Bilaga> bilagor = new ArrayList<>();
        bilaga(besked).ifPresent(bilagor::add);
        yield mallar.forlangning(nyckel(typ, pi + ":" + besked, adress), dnr, rubrik,
            (String) execution.getVariable(REMISSINSTANS_NAMN), adress, Frister.datum(execution.getVariable(SVARSDATUM)),
            tidigare, besked, bilagor);
      }
      case SARSKILT_UTTALANDE -> {
        String kod = (String) execution.getVariable(PARTI);
        String adress = installningar.parti(kod)
            .orElseThrow(() -> ingenAdress("partiet " + kod, "ks.meddelanden.partier." + kod));
        String parti = organisation.parti(kod).map(Organisation.Parti::namn).orElse(kod);
        LocalDate sista = Frister.datum(execution.getVariable(SARSKILT_UTTALANDE_SISTA_DAG));
        yield mallar.sarskiltUttalande(nyckel(typ, pi + ":" + kod + ":" + sista, adress), dnr, rubrik, parti, adress,
            sista);
      }
      case BESLUT -> {
        Arende arende = diarium.arende(dnr).orElseThrow();
        Handling utdrag = diarium.handlingar(dnr).stream()
            .filter(h -> h.handlingstyp() == Handlingstyp.PROTOKOLLSUTDRAG)
            .max(Comparator.comparingInt(Handling::lopnummer))
            .orElseThrow(() -> new IllegalStateException("Ärendet " + dnr + " har inget protokollsutdrag"));
        String mottagare = arende.avsandare().medParti();
        var partiAdress = installningar.parti(arende.avsandare().parti());
        String adress = partiAdress.or(installningar::kansliAdress)
            .orElseThrow(() -> ingenAdress(mottagare, "ks.meddelanden.partier eller ks.meddelanden.kansli"));
        Object anslag = execution.getVariable(ANSLAGSDATUM);
        LocalDate overklagas = anslag == null ? null : Frister.datum(frister.sistaDagForLaglighetsprovning(anslag));
        List<Meddelande.Bilaga> bilagor = new ArrayList<>();
        bilaga(utdrag.dokumentnummer()).ifPresent(bilagor::add);
        yield mallar.beslut(nyckel(typ, pi + ":" + utdrag.dokumentnummer(), adress), dnr, arende.rubrik(), mottagare,
            adress, utdrag.dokumentnummer(), overklagas, partiAdress.isEmpty(), bilagor);
      }
    };
  }

  private String remissinstansAdress(DelegateExecution execution) {
    String id = (String) execution.getVariable(REMISSINSTANS);
    return installningar.remissinstans(id)
        .orElseThrow(() -> ingenAdress("remissinstansen " + id, "ks.meddelanden.remissinstanser." + id));
  }

  private static MeddelandeEjSkickatException ingenAdress(String vem, String installning) {
    return new MeddelandeEjSkickatException("Ingen e-postadress för " + vem + " (" + installning + "). Ange den i "
        + "konfigurationen, starta om och välj Försök igen (Retry) på incidenten i Cockpit.", null);
  }

  private static String nyckel(Meddelandetyp typ, String runda, String adress) {
    return typ.name() + ":" + runda + ":" + adress;
  }

  /** A handling as an attachment: its file, or its text as a UTF-8 text file. */
  private java.util.Optional<Meddelande.Bilaga> bilaga(String dokumentnummer) {
    if (dokumentnummer == null) {
      return java.util.Optional.empty();
    }
    return diarium.innehall(dokumentnummer).map(h -> {
      String bas = h.handling().dokumentnummer().replace("/", "-").replace(" ", "-");
      if (h.fil() != null) {
        String namn = h.handling().filnamn() == null ? bas : bas + " " + h.handling().filnamn();
        return new Meddelande.Bilaga(namn, h.handling().mediatyp(), h.fil());
      }
      return new Meddelande.Bilaga(bas + ".txt", "text/plain; charset=UTF-8",
          (h.handling().rubrik() + "\n\n" + h.text()).getBytes(StandardCharsets.UTF_8));
    });
  }
}
