package se.stockholm.ks.meddelanden;

/** Where a message stands ({@code meddelande.status}). */
public enum Meddelandestatus {
  /** Claimed by a job that is sending it now (or was, when its node stopped). */
  SKICKAS("Skickas"),
  /** Accepted by the SMTP server. */
  SKICKAT("Skickat"),
  /** Certainly not sent (server down, refused); the job's next attempt sends it. */
  EJ_SKICKAT("Inte skickat"),
  /** Unknown whether the server accepted it: a person decides (the job ends as an incident). */
  OKLART("Oklart om det skickades"),
  /** Kept in the outbox page, not sent (transport {@code UTKORG}, the local profile). */
  I_UTKORGEN("I utkorgen");

  private final String text;

  Meddelandestatus(String text) {
    this.text = text;
  }

  /** @return the Swedish name */
  public String text() {
    return text;
  }
}
