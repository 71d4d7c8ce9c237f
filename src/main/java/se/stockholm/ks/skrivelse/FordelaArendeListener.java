package se.stockholm.ks.skrivelse;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.engine.Json;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.organisation.Organisation;

/**
 * {@code ${fordelaArendeListener}} on "Fördela ärendet". On create: proposes svarsdatum (today plus
 * the remisstid in working days) and stadsledningskontoret as remissinstans, and gives the form its
 * options (rotlar with their borgarråd, remissinstanser) from configuration. On complete: checks the
 * choices (a known rotel, at least one known remissinstans, a svarsdatum that is a working day after
 * today) and records the fördelning in the diarium — with the föredragande borgarråd, the ärende's one
 * source for it: the rotel's borgarråd as configured, unless the kansli gives another.
 */
@Component("fordelaArendeListener")
class FordelaArendeListener implements TaskListener {

  /** The remissinstans proposed by default. */
  static final String STANDARD_REMISSINSTANS = "stadsledningskontoret";

  private final Organisation organisation;
  private final Frister frister;
  private final Arbetsdagskalender kalender;
  private final Diarium diarium;

  FordelaArendeListener(Organisation organisation, Frister frister, Arbetsdagskalender kalender, Diarium diarium) {
    this.organisation = organisation;
    this.frister = frister;
    this.kalender = kalender;
    this.diarium = diarium;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      forbered(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      slutfor(task);
    }
  }

  private void forbered(DelegateTask task) {
    task.setVariable(SVARSDATUM, frister.svarsdatumForslag());
    if (task.getVariable(REMISSINSTANSER) == null) {
      task.setVariable(REMISSINSTANSER, Json.varde(List.of(STANDARD_REMISSINSTANS)));
    }
    task.removeVariable(ANNAT_FOREDRAGANDE_BORGARRAD);
    task.setVariableLocal(ROTEL_ALTERNATIV, Json.alternativ(organisation.rotlar().stream()
        .map(r -> Json.alternativ(r.namn() + " – " + r.borgarrad() + " (" + r.parti() + ")", r.id())).toList()));
    task.setVariableLocal(REMISSINSTANS_ALTERNATIV, Json.alternativ(organisation.remissinstanser().stream()
        .map(r -> Json.alternativ(r.namn(), r.id())).toList()));
  }

  private void slutfor(DelegateTask task) {
    Formular f = Formular.av(task);
    String rotelId = f.val(ROTEL, "Rotel", organisation.rotlar().stream().map(Organisation.Rotel::id).toList());
    List<String> instanser = f.lista(REMISSINSTANSER, "Remissinstanser", true);
    for (String id : instanser) {
      if (organisation.remissinstans(id).isEmpty()) {
        f.fel(REMISSINSTANSER, "Okänd remissinstans '" + id + "'.");
      }
    }
    String annat = f.text(ANNAT_FOREDRAGANDE_BORGARRAD, "Annat föredragande borgarråd", 200, false);
    LocalDate svarsdatum = f.datum(SVARSDATUM, "Svarsdatum", true);
    LocalDate idag = frister.idag();
    if (svarsdatum != null) {
      if (!svarsdatum.isAfter(idag)) {
        f.fel(SVARSDATUM, "Svarsdatum måste ligga efter i dag (" + idag + ").");
      } else if (!kalender.arArbetsdag(svarsdatum)) {
        f.fel(SVARSDATUM, "Svarsdatum " + svarsdatum + " är ingen arbetsdag"
            + kalender.helgdag(svarsdatum).map(h -> " (" + h + ")").orElse("")
            + ". Välj t.ex. " + kalender.arbetsdagSammaEllerNasta(svarsdatum) + ".");
      } else if (svarsdatum.isAfter(idag.plusYears(1))) {
        f.fel(SVARSDATUM, "Svarsdatum får ligga högst ett år fram.");
      }
    }
    f.kontrollera();

    Organisation.Rotel rotel = organisation.rotel(rotelId).orElseThrow();
    String borgarrad = annat != null ? annat : rotel.borgarrad();
    task.setVariable(SVARSDATUM, svarsdatum.toString());
    task.setVariable(REMISSINSTANSER, Json.varde(instanser.stream().distinct().toList()));
    task.setVariable(FOREDRAGANDE_BORGARRAD, borgarrad);
    task.removeVariable(ANNAT_FOREDRAGANDE_BORGARRAD);
    var dnr = Processkontext.diarienummer(task);
    diarium.fordela(dnr, rotel.id(), borgarrad);
    String namn = instanser.stream().distinct()
        .map(id -> organisation.remissinstans(id).orElseThrow().namn()).collect(Collectors.joining(", "));
    diarium.registreraHandelse(dnr, Handelsetyp.FORDELAT, "Ärendet fördelat till " + rotel.namn()
            + " (föredragande borgarråd " + borgarrad + "); remiss till " + namn
            + " med svarsdatum " + svarsdatum + ".",
        Processkontext.anvandare(), null, null);
  }
}
