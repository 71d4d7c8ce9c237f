package se.stockholm.ks.bevakning;

import java.util.List;

/**
 * The phases of an open skrivelse, from the activity the case's {@code skrivelse} process instance
 * is in (its call activities and tasks, see {@code bpmn/skrivelse.bpmn}).
 */
public enum Fas {
  /** Registered, waiting for KS kansli to fördela it. */
  FORDELNING("fördelning", "Task_RegistreraSkrivelse", "Task_FordelaArende"),
  /** Out on remiss to one or more remissinstanser. */
  REMISS("remiss", "CallActivity_Remiss", "CallActivity_Remiss#multiInstanceBody"),
  /** The rotel writes the promemoria. */
  PROMEMORIA("promemoria", "Task_UpprattaPromemoria", "Task_RegistreraPromemoria"),
  /** At borgarrådsberedningen (BRB), särskilda uttalanden included. */
  BORGARRADSBEREDNING("borgarrådsberedningen", "CallActivity_Borgarradsberedning"),
  /** On its way to and at kommunstyrelsen (KS). */
  KOMMUNSTYRELSEN("kommunstyrelsen", "Task_SkapaArendedokumentTillKs", "CallActivity_Kommunstyrelsen"),
  /** Decided: the protokoll, the extract to the sender, and the period for laglighetsprövning. */
  BESLUTAT("beslutat, väntar på laga kraft", "Task_AnmalTillProtokoll", "Event_ProtokollAnslaget",
      "Task_SkapaProtokollsutdrag", "Task_SkickaBeslutTillAvsandaren", "Task_SkapaArendedokument",
      "Event_LaglighetsprovningUtgangen", "Task_AvslutaArende");

  private final String text;
  private final List<String> aktiviteter;

  Fas(String text, String... aktiviteter) {
    this.text = text;
    this.aktiviteter = List.of(aktiviteter);
  }

  /** @return the Swedish name shown to people */
  public String text() {
    return text;
  }

  /** @return the ids of the {@code skrivelse} process's activities that belong to the phase */
  public List<String> aktiviteter() {
    return aktiviteter;
  }

  /** @return the tag value in metrics: the constant's name in lower case */
  public String nyckel() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
