package se.stockholm.ks.diarium;

/** The events of an ärende, in the order they usually happen. */
public enum Handelsetyp {
  REGISTRERAT,
  FORDELAT,
  REMITTERAT,
  PAMINNELSE_SKICKAD,
  SVARSDATUM_PASSERAT,
  SVARSDATUM_FORLANGT,
  TJANSTUTLATANDE_INKOMMET,
  REMISSVAR_UTEBLEV,
  /** The föredragande borgarråd was changed after the fördelning (the promemoria's signatory). */
  FOREDRAGANDE_ANDRAT,
  PROMEMORIA_UPPRATTAD,
  UPPFORT_PA_FOREDRAGNINGSLISTA,
  BRB_TILLSTYRKT,
  BRB_ATERREMISS,
  BRB_BORDLAGT,
  SARSKILT_UTTALANDE_INKOMMET,
  SARSKILT_UTTALANDE_UTEBLEV,
  DOKUMENT_UPPRATTAT,
  KS_BESLUT,
  KS_ATERREMISS,
  KS_BORDLAGT,
  PROTOKOLL_JUSTERAT,
  PROTOKOLL_ANSLAGET,
  LAGA_KRAFT,
  HANDLING_REGISTRERAD,
  AVSLUTAT,
  ATERKALLAT,
  /** The ärende was delivered to the e-arkiv as a package (se.stockholm.ks.earkiv); the description names its SHA-256. */
  LEVERERAT_TILL_EARKIV,
  /** An archivist's gallringsbeslut removed a handling's content by the informationshanteringsplan (se.stockholm.ks.earkiv.Gallring). */
  GALLRAT,
  /** The ärende was taken off a meeting's föredragningslista (e.g. withdrawn before the meeting). */
  AVFORT_FRAN_FOREDRAGNINGSLISTA,
  /** The diarienummer was made void: its registration did not complete. */
  MAKULERAT,
  /** A message (e-mail) went to a recipient: who, the subject, when (se.stockholm.ks.meddelanden). */
  MEDDELANDE_SKICKAT,
  /** The registrator marked a handling or the ärende secret (sekretess) with its OSL reference (Sekretess). */
  SEKRETESS_MARKERAD,
  /** The registrator lifted a secrecy mark (Sekretess). */
  SEKRETESS_HAVD
}
