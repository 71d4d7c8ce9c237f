package se.stockholm.ks.beslut;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.Beslut;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handelsetyp;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.engine.Json;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Punktstatus;
import se.stockholm.ks.sammantrade.Sammantradesregister;

/**
 * {@code ${diarieforBeslutIKs}}: records kommunstyrelsen's outcome. For a decision: the beslut
 * (paragraph and wording), each särskilt uttalande as a handling — a likalydande one as a
 * reference to the party's statement in borgarrådsberedningen — and each reservation; the ärende
 * becomes beslutat. For återremiss and bordläggning: an event. Runs in the secretary's
 * transaction (no save point): once the decision is recorded the skrivelse can no longer be
 * withdrawn.
 */
@Component("diarieforBeslutIKs")
class DiarieforBeslutIKsDelegate implements JavaDelegate {

  private final Diarium diarium;
  private final Uttalanden uttalanden;
  private final Organisation organisation;
  private final Sammantradesregister register;

  DiarieforBeslutIKsDelegate(Diarium diarium, Uttalanden uttalanden, Organisation organisation,
                             Sammantradesregister register) {
    this.register = register;
    this.diarium = diarium;
    this.uttalanden = uttalanden;
    this.organisation = organisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var dnr = Processkontext.diarienummer(execution);
    LocalDate mote = Frister.datum(execution.getVariable(KS_SAMMANTRADE));
    String aktor = Processkontext.anvandare();
    String kalla = "ks:" + execution.getProcessInstanceId() + ":" + mote;
    // the decision is the meeting's act: recorded after the meeting day, it is dated that day
    java.time.OffsetDateTime tid = Diarium.tidpunktFor(mote, null);
    String utfall = (String) execution.getVariable(KS_BESLUT);
    register.stall(Organ.KS, mote, dnr, switch (utfall) {
      case "BORDLAGGNING" -> Punktstatus.BORDLAGT;
      case "ATERREMISS" -> Punktstatus.ATERREMITTERAT;
      case "BESLUT" -> Punktstatus.BESLUTAT;
      default -> throw new IllegalStateException("Okänt beslut i kommunstyrelsen: " + utfall);
    });
    switch (utfall) {
      case "BORDLAGGNING" -> diarium.registreraHandelse(dnr, Handelsetyp.KS_BORDLAGT,
          "Kommunstyrelsen bordlade ärendet " + mote + ".", aktor, null, kalla, tid);
      case "ATERREMISS" -> diarium.registreraHandelse(dnr, Handelsetyp.KS_ATERREMISS,
          "Kommunstyrelsen återremitterade ärendet " + mote + " till "
              + ("REMISS".equals(execution.getVariable(ATERREMISS_TILL)) ? "ny remiss." : "promemorian."),
          aktor, null, kalla, tid);
      case "BESLUT" -> beslut(execution, dnr, mote, aktor, kalla, tid);
      default -> throw new IllegalStateException("Okänt beslut i kommunstyrelsen: " + utfall);
    }
  }

  private void beslut(DelegateExecution execution, se.stockholm.ks.diarium.Diarienummer dnr, LocalDate mote,
                      String aktor, String kalla, java.time.OffsetDateTime tid) {
    String paragraf = (String) execution.getVariable(PARAGRAF);
    String beslutstext = execution.getVariable(BESLUTSTEXT).toString().strip();
    diarium.registreraBeslut(dnr, new Beslut("KS", mote, paragraf, beslutstext), aktor);

    var brb = uttalanden.av(dnr, Handlingstyp.SARSKILT_UTTALANDE, "BRB");
    List<Map<String, Object>> su = Formular.av(execution).objektlista(KS_SARSKILDA_UTTALANDEN, "Särskilda uttalanden");
    int i = 0;
    for (Map<String, Object> u : su) {
      i++;
      String parti = u.get("parti").toString().toUpperCase();
      String ledamot = u.get("ledamot").toString().strip();
      boolean likalydande = Boolean.TRUE.equals(u.get("likalydande")) || "true".equals(String.valueOf(u.get("likalydande")));
      NyHandling h;
      if (likalydande) {
        var forlaga = brb.stream().filter(b -> parti.equals(b.parti())).reduce((a, b) -> b).orElseThrow();
        String partinamn = organisation.parti(parti).map(Organisation.Parti::namn).orElse(parti);
        String text = "Särskilt uttalande av " + ledamot + " (" + parti + ") som är likalydande med "
            + genitiv(partinamn) + " särskilda uttalande i borgarrådsberedningen.";
        h = NyHandling.text(Handlingstyp.SARSKILT_UTTALANDE, HandlingStatus.INKOMMEN,
                "Särskilt uttalande av " + ledamot + " (" + parti + ") i kommunstyrelsen, likalydande", mote, text)
            .withHanvisarTill(forlaga.handling().dokumentnummer());
      } else {
        h = NyHandling.text(Handlingstyp.SARSKILT_UTTALANDE, HandlingStatus.INKOMMEN,
            "Särskilt uttalande av " + ledamot + " (" + parti + ") i kommunstyrelsen", mote, u.get("text").toString().strip());
      }
      diarium.registreraHandling(dnr, h.withAvsandare(ledamot + " (" + parti + ")")
          .withStruktur(Json.text(Map.of("organ", "KS", "parti", parti, "ledamot", ledamot, "likalydande", likalydande,
              "sammantrade", mote.toString())))
          .withKallaNyckel(kalla + ":su:" + i)
          .withRegistreradAv(aktor));
    }
    List<Map<String, Object>> res = Formular.av(execution).objektlista(KS_RESERVATIONER, "Reservationer");
    i = 0;
    for (Map<String, Object> r : res) {
      i++;
      String parti = r.get("parti").toString().toUpperCase();
      String ledamot = r.get("ledamot").toString().strip();
      Object text = r.get("text");
      String lydelse = text == null || text.toString().isBlank()
          ? ledamot + " (" + parti + ") reserverade sig mot beslutet." : text.toString().strip();
      diarium.registreraHandling(dnr, NyHandling.text(Handlingstyp.RESERVATION, HandlingStatus.INKOMMEN,
              "Reservation av " + ledamot + " (" + parti + ") i kommunstyrelsen", mote, lydelse)
          .withAvsandare(ledamot + " (" + parti + ")")
          .withStruktur(Json.text(Map.of("organ", "KS", "parti", parti, "ledamot", ledamot,
              "medText", text != null && !text.toString().isBlank(), "sammantrade", mote.toString())))
          .withKallaNyckel(kalla + ":res:" + i)
          .withRegistreradAv(aktor));
    }
    diarium.andraStatus(dnr, Arendestatus.BESLUTAT);
    diarium.registreraHandelse(dnr, Handelsetyp.KS_BESLUT, "Kommunstyrelsen beslutade " + mote + " (" + paragraf + "): "
        + beslutstext + (su.isEmpty() ? "" : " Särskilda uttalanden: " + su.size() + ".")
        + (res.isEmpty() ? "" : " Reservationer: " + res.size() + "."), aktor, null, kalla, tid);
    execution.removeVariable(KS_SARSKILDA_UTTALANDEN);
    execution.removeVariable(KS_RESERVATIONER);
  }

  /** "Liberalerna" → "Liberalernas"; names ending in s take no extra s. */
  static String genitiv(String namn) {
    return namn.endsWith("s") || namn.endsWith("x") || namn.endsWith("z") ? namn : namn + "s";
  }
}
