package se.stockholm.ks.beslut;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.engine.Json;
import se.stockholm.ks.engine.Processkontext;
import se.stockholm.ks.organisation.Organisation;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.sammantrade.Organ;
import se.stockholm.ks.sammantrade.Sammantradesregister;

/**
 * {@code ${beslutIKsListener}} on "Registrera beslut i KS". On create: gives the form the proposal
 * (the promemoria's förslag till beslut as the default wording), the parties, and the särskilda
 * uttalanden made in borgarrådsberedningen (for "likalydande"); the meeting is held, so the ärende
 * gets its paragraph from {@link Sammantradesregister} (shown read-only in the form). On complete:
 * checks the decision, takes the assigned paragraph (a typed one is ignored; only an ärende anmält
 * before meetings were kept has none, and then the typed {@code § 12} is checked), every särskilt uttalande (a member, a known party, and either a
 * new text or likalydande with a statement of the same party in borgarrådsberedningen) and every
 * reservation (member and party).
 */
@Component("beslutIKsListener")
class BeslutIKsListener implements TaskListener {

  /** The outcomes. */
  static final List<String> BESLUT = List.of("BESLUT", "ATERREMISS", "BORDLAGGNING");
  private static final Pattern PARAGRAF_MONSTER = Pattern.compile("^(?:§\\s*)?(\\d{1,4})(?:\\s*[a-z])?$");

  private final Diarium diarium;
  private final Uttalanden uttalanden;
  private final Organisation organisation;
  private final ObjectMapper json;
  private final Sammantradesregister register;

  BeslutIKsListener(Diarium diarium, Uttalanden uttalanden, Organisation organisation, ObjectMapper json,
                    Sammantradesregister register) {
    this.register = register;
    this.diarium = diarium;
    this.uttalanden = uttalanden;
    this.organisation = organisation;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      forbered(task);
    } else {
      kontrollera(task);
    }
  }

  private void forbered(DelegateTask task) {
    var dnr = Processkontext.diarienummer(task);
    String forslag = diarium.handlingar(dnr).stream()
        .filter(h -> h.handlingstyp() == Handlingstyp.PROMEMORIA)
        .reduce((a, b) -> b)
        .flatMap(h -> diarium.innehall(h.dokumentnummer()))
        .map(i -> forslag(i.struktur()))
        .orElse(null);
    if (forslag != null) {
      task.setVariable(FORSLAG_TILL_BESLUT, forslag);
      task.setVariable(BESLUTSTEXT, forslag);
    }
    List<Map<String, String>> brb = new ArrayList<>();
    for (Uttalanden.Uttalande u : uttalanden.av(dnr, Handlingstyp.SARSKILT_UTTALANDE, "BRB")) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("parti", u.parti());
      m.put("ledamot", u.ledamot());
      m.put("dokumentnummer", u.handling().dokumentnummer());
      m.put("label", u.ledamot() + " (" + u.parti() + "), " + u.handling().dokumentnummer());
      brb.add(m);
    }
    task.setVariableLocal(BRB_UTTALANDEN, Json.varde(brb));
    task.setVariableLocal(PARTI_ALTERNATIV, Json.alternativ(organisation.partier().stream()
        .map(p -> Json.alternativ(p.namn() + " (" + p.kod() + ")", p.kod())).toList()));
    for (String v : List.of(KS_BESLUT, PARAGRAF, KS_SARSKILDA_UTTALANDEN, KS_RESERVATIONER, ATERREMISS_TILL)) {
      task.removeVariable(v);
    }
    LocalDate mote = Frister.datum(task.getVariable(KS_SAMMANTRADE));
    register.hall(Organ.KS, mote);
    register.paragraf(Organ.KS, mote, dnr).ifPresent(p -> task.setVariable(PARAGRAF, "§ " + p));
  }

  private void kontrollera(DelegateTask task) {
    var dnr = Processkontext.diarienummer(task);
    Formular f = Formular.av(task);
    String beslut = f.val(KS_BESLUT, "Beslut", BESLUT);
    if ("ATERREMISS".equals(beslut)) {
      f.val(ATERREMISS_TILL, "Återremiss till", List.of("PROMEMORIA", "REMISS"));
    }
    if ("BESLUT".equals(beslut)) {
      f.text(BESLUTSTEXT, "Beslutets lydelse", 4000, true);
      var tilldelad = register.paragraf(Organ.KS, Frister.datum(task.getVariable(KS_SAMMANTRADE)), dnr);
      String paragraf = tilldelad.isPresent() ? null : f.text(PARAGRAF, "Paragraf", 20, true);
      tilldelad.ifPresent(p -> task.setVariable(PARAGRAF, "§ " + p));
      if (paragraf != null) {
        Matcher m = PARAGRAF_MONSTER.matcher(paragraf);
        if (!m.matches()) {
          f.fel(PARAGRAF, "Paragraf skrivs som § 12 (eller bara 12).");
        } else {
          task.setVariable(PARAGRAF, "§ " + paragraf.replaceFirst("^§\\s*", ""));
        }
      }
      var brbPartier = uttalanden.av(dnr, Handlingstyp.SARSKILT_UTTALANDE, "BRB").stream()
          .map(Uttalanden.Uttalande::parti).toList();
      List<Map<String, Object>> su = f.objektlista(KS_SARSKILDA_UTTALANDEN, "Särskilda uttalanden");
      for (int i = 0; i < su.size(); i++) {
        Map<String, Object> u = su.get(i);
        String rad = "Särskilt uttalande " + (i + 1) + ": ";
        ledamotOchParti(f, KS_SARSKILDA_UTTALANDEN, rad, u);
        boolean likalydande = Boolean.TRUE.equals(u.get("likalydande")) || "true".equals(String.valueOf(u.get("likalydande")));
        String text = u.get("text") == null ? "" : u.get("text").toString().strip();
        if (likalydande && !brbPartier.contains(String.valueOf(u.get("parti")).toUpperCase())) {
          f.fel(KS_SARSKILDA_UTTALANDEN, rad + "partiet lämnade inget särskilt uttalande i borgarrådsberedningen "
              + "att vara likalydande med.");
        } else if (!likalydande && text.isEmpty()) {
          f.fel(KS_SARSKILDA_UTTALANDEN, rad + "skriv texten eller markera att det är likalydande.");
        }
      }
      List<Map<String, Object>> res = f.objektlista(KS_RESERVATIONER, "Reservationer");
      for (int i = 0; i < res.size(); i++) {
        ledamotOchParti(f, KS_RESERVATIONER, "Reservation " + (i + 1) + ": ", res.get(i));
      }
    }
    f.kontrollera();
  }

  private void ledamotOchParti(Formular f, String falt, String rad, Map<String, Object> u) {
    Object ledamot = u.get("ledamot");
    if (ledamot == null || ledamot.toString().isBlank()) {
      f.fel(falt, rad + "ange ledamotens namn.");
    } else if (ledamot.toString().length() > 200) {
      f.fel(falt, rad + "namnet får vara högst 200 tecken.");
    }
    Object parti = u.get("parti");
    if (parti == null || organisation.parti(parti.toString()).isEmpty()) {
      f.fel(falt, rad + "ange ett känt parti.");
    }
  }

  private String forslag(String struktur) {
    try {
      Object v = json.readTree(struktur == null ? "{}" : struktur).path(FORSLAG_TILL_BESLUT).asText(null);
      return v == null ? null : v.toString();
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
