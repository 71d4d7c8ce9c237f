package se.stockholm.ks.modeller;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import se.stockholm.ks.diarium.Arende;
import se.stockholm.ks.diarium.Avsandare;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.NyHandling;
import se.stockholm.ks.diarium.NyttArende;
import se.stockholm.ks.engine.Json;

/**
 * The case of the seed ({@code docs/exempelarende/}): Jan Jönsson's (L) skrivelse about the city's
 * invitation to the Mayor summit in Paris, received 2025-11-26. Makes fresh diarium cases and
 * starts the models on them, and builds form values as Tasklist submits them (dates as ISO
 * strings, lists as Json, files as File values).
 */
final class Arendefixtur {

  static final String RUBRIK = "Skrivelse angående stadens inbjudan till Mayor summit combat antisemitism movement i Paris";
  static final String AVSANDARE_NAMN = "Jan Jönsson";
  static final String AVSANDARE_PARTI = "L";
  static final String AVSANDARE_ROLL = "oppositionsborgarråd";
  /** The sender as the process carries it. */
  static final String AVSANDARE = "Jan Jönsson (L), oppositionsborgarråd";
  static final String INKOM = "2025-11-26";
  static final String SKRIVELSETEXT = """
      Stockholms stad har bjudits in till Mayor summit combat antisemitism movement i Paris.
      Vi vill veta om staden deltar och vem som företräder staden.""";

  private final RuntimeService runtimeService;
  private final Diarium diarium;

  Arendefixtur(RuntimeService runtimeService, Diarium diarium) {
    this.runtimeService = runtimeService;
    this.diarium = diarium;
  }

  // --- diarium cases for the called models, tested on their own ---------------------------------

  /**
   * Registers the seed's skrivelse as a new ärende, with the skrivelse as handling -1, as the
   * skrivelse process does before it calls the other models.
   *
   * @return the diarienummer, e.g. {@code KS 2025/1514}
   */
  String nyttArende() {
    Arende arende = diarium.registreraArende(new NyttArende("SKRIVELSE", RUBRIK,
        OffsetDateTime.parse(INKOM + "T09:30:00+01:00"), new Avsandare(AVSANDARE_NAMN, AVSANDARE_PARTI, AVSANDARE_ROLL),
        "registrator"));
    diarium.registreraHandling(arende.diarienummer(), NyHandling.text(Handlingstyp.SKRIVELSE, HandlingStatus.INKOMMEN,
        RUBRIK, arende.inkomDatum(), SKRIVELSETEXT).withAvsandare("Jan Jönsson (L)"));
    return arende.diarienummer().toString();
  }

  /**
   * @param dnr the ärende
   * @return the variables every called model gets from the skrivelse process
   */
  Map<String, Object> arendevariabler(String dnr) {
    Map<String, Object> v = new HashMap<>();
    v.put("diarienummer", dnr);
    v.put("rubrik", RUBRIK);
    v.put("avsandare", AVSANDARE);
    v.put("arendeLank", "/arenden/" + dnr.replace(' ', '-').replace('/', '-'));
    return v;
  }

  ProcessInstance startaRemiss(String dnr, String remissinstans, String svarsdatum) {
    Map<String, Object> v = arendevariabler(dnr);
    v.put("remissinstans", remissinstans);
    v.put("svarsdatum", svarsdatum);
    return runtimeService.startProcessInstanceByKey("remiss", dnr, v);
  }

  ProcessInstance startaBorgarradsberedning(String dnr) {
    Map<String, Object> v = arendevariabler(dnr);
    v.put("rotel", "rotel-i");
    return runtimeService.startProcessInstanceByKey("borgarradsberedning", dnr, v);
  }

  ProcessInstance startaKommunstyrelsen(String dnr, String brbSammantrade) {
    Map<String, Object> v = arendevariabler(dnr);
    v.put("brbSammantrade", brbSammantrade);
    return runtimeService.startProcessInstanceByKey("kommunstyrelsen", dnr, v);
  }

  /**
   * Registers a särskilt uttalande made in borgarrådsberedningen, as the borgarrådsberedning model
   * does, for a test of kommunstyrelsen on its own.
   *
   * @return the handling's dokumentnummer
   */
  String sarskiltUttalandeIBrb(String dnr, String parti, String ledamot, String sammantrade) {
    return diarium.registreraHandling(se.stockholm.ks.diarium.Diarienummer.parse(dnr),
        NyHandling.text(Handlingstyp.SARSKILT_UTTALANDE, HandlingStatus.INKOMMEN,
                "Särskilt uttalande av " + ledamot + " (" + parti + ") i borgarrådsberedningen",
                java.time.LocalDate.parse(sammantrade), "Vi välkomnar att staden deltar.")
            .withAvsandare(ledamot + " (" + parti + ")")
            .withStruktur(Json.text(Map.of("organ", "BRB", "parti", parti, "ledamot", ledamot,
                "sammantrade", sammantrade))))
        .dokumentnummer();
  }

  // --- the skrivelse process -------------------------------------------------------------------

  /** @return the start form's values for the seed's skrivelse */
  Map<String, Object> skrivelseinlamning() {
    Map<String, Object> v = new HashMap<>();
    v.put("rubrik", RUBRIK);
    v.put("avsandareNamn", AVSANDARE_NAMN);
    v.put("avsandareParti", AVSANDARE_PARTI);
    v.put("avsandareRoll", AVSANDARE_ROLL);
    v.put("inkom", INKOM);
    v.put("skrivelseText", SKRIVELSETEXT);
    v.put("fragor", "Deltar staden i toppmötet?\nVem företräder staden?");
    return v;
  }

  /** @return the started skrivelse process; its business key is the new diarienummer */
  ProcessInstance startaSkrivelse() {
    return runtimeService.startProcessInstanceByKey("skrivelse", skrivelseinlamning());
  }

  // --- form values as Tasklist submits them ----------------------------------------------------

  /** @return a Json array of strings, as a checklist submits it */
  static JsonValue lista(String... varden) {
    return SpinValues.jsonValue(Arrays.stream(varden).map(v -> "\"" + v + "\"")
        .collect(Collectors.joining(",", "[", "]"))).create();
  }

  /** @return a Json value, as a dynamic list submits it */
  static JsonValue json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  /** @return a small but real PDF as a File value, as a file picker submits it */
  static FileValue pdf(String filnamn) {
    byte[] bytes = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
    return Variables.fileValue(filnamn).file(bytes).mimeType("application/pdf").create();
  }

  /** @return the form's values: name, value, name, value … */
  static Map<String, Object> formular(Object... namnOchVarden) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < namnOchVarden.length; i += 2) {
      v.put((String) namnOchVarden[i], namnOchVarden[i + 1]);
    }
    return v;
  }
}
