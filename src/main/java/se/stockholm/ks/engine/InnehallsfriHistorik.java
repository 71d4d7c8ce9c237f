package se.stockholm.ks.engine;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * The history level {@value #NAME}: Camunda's {@code audit} level, except that the variables that
 * carry a handling's content (texts and files typed into forms, on their way to the diarium) leave
 * no history, and submitted forms leave no "form property" details (a second copy of every submitted
 * value, in a {@code varchar(4000)} column that a page-long text from a Tasklist form would
 * overflow). The diarium is the record of allmänna handlingar; Camunda's history keeps the case's
 * course and its light variables (ids, dates, choices), not a second copy of every document.
 */
public class InnehallsfriHistorik extends AbstractHistoryLevel {

  /** The level's name, for {@code camunda.bpm.history-level}. */
  public static final String NAME = "audit-utan-innehall";

  /** The level's id, stored in the database (Camunda's own levels use 0–3). */
  public static final int ID = 21;

  /** The variables whose content goes to the diarium and not into history. */
  public static final Set<String> INNEHALLSVARIABLER = Set.of(
      SKRIVELSE_TEXT, SKRIVELSE_FIL, FRAGOR,
      TJANSTUTLATANDE_TEXT, TJANSTUTLATANDE_FIL,
      SAMMANFATTNING, BEREDNING, SYNPUNKTER, ARENDEBESKRIVNING, PROMEMORIA_FIL,
      UTTALANDE_TEXT, UTTALANDE_FIL,
      KS_SARSKILDA_UTTALANDEN, KS_RESERVATIONER);

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (HistoryEventTypes.FORM_PROPERTY_UPDATE.equals(eventType)) {
      return false;
    }
    if (entity instanceof VariableInstance variable && INNEHALLSVARIABLER.contains(variable.getName())) {
      return false;
    }
    return HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity);
  }
}
