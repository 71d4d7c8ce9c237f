package se.stockholm.ks.beslut;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Handling;
import se.stockholm.ks.diarium.HandlingInnehall;
import se.stockholm.ks.diarium.Handlingstyp;

/**
 * Reads the särskilda uttalanden and reservationer of an ärende from the diarium, with the
 * structure registered with each (organ, party, member).
 */
@Component
public class Uttalanden {

  /**
   * A särskilt uttalande or reservation as registered.
   *
   * @param handling the handling
   * @param organ {@code BRB} or {@code KS}
   * @param parti the party code
   * @param ledamot the member's name
   * @param text the text (for a likalydande statement: the sentence saying so)
   */
  public record Uttalande(Handling handling, String organ, String parti, String ledamot, String text) {
  }

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final Diarium diarium;
  private final ObjectMapper json;

  Uttalanden(Diarium diarium, ObjectMapper json) {
    this.diarium = diarium;
    this.json = json;
  }

  /**
   * @param dnr the ärende
   * @param typ {@link Handlingstyp#SARSKILT_UTTALANDE} or {@link Handlingstyp#RESERVATION}
   * @param organ {@code BRB} or {@code KS}
   * @return the statements of that kind made in that organ, in number order
   */
  public List<Uttalande> av(Diarienummer dnr, Handlingstyp typ, String organ) {
    List<Uttalande> result = new ArrayList<>();
    for (Handling h : diarium.handlingar(dnr)) {
      if (h.handlingstyp() != typ) {
        continue;
      }
      HandlingInnehall innehall = diarium.innehall(h.dokumentnummer()).orElseThrow();
      Map<String, Object> s = struktur(innehall.struktur());
      if (organ.equals(s.get("organ"))) {
        result.add(new Uttalande(h, organ, (String) s.get("parti"), (String) s.get("ledamot"),
            innehall.text() != null ? innehall.text() : ""));
      }
    }
    return result;
  }

  private Map<String, Object> struktur(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(text, MAP);
    } catch (java.io.IOException e) {
      return Map.of();
    }
  }
}
