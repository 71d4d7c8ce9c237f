package se.stockholm.ks.engine;

import java.util.List;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Json process variables, as Camunda Forms read them (options for selects, checklists). */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  /**
   * @param value a list or map of plain values
   * @return a {@code Json} variable value
   */
  public static JsonValue varde(Object value) {
    return SpinValues.jsonValue(text(value)).create();
  }

  /**
   * @param value a list or map of plain values
   * @return its JSON text
   */
  public static String text(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Kan inte skriva JSON", e);
    }
  }

  /**
   * @param text a JSON object's text; may be null or blank
   * @return its fields (empty for null or blank)
   * @throws IllegalArgumentException when the text is not a JSON object
   */
  public static Map<String, Object> objekt(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return MAPPER.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
      });
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Ogiltig JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param label what the user sees
   * @param value what the form submits
   * @return an option for a Camunda Forms select, radio or checklist
   */
  public static Map<String, String> alternativ(String label, String value) {
    return Map.of("label", label, "value", value);
  }

  /**
   * @param options the options
   * @return them as a {@code Json} variable value
   */
  public static JsonValue alternativ(List<Map<String, String>> options) {
    return varde(options);
  }
}
