package se.stockholm.ks.api;

/** No handling with that number in the ärende (404). */
class HandlingSaknasException extends RuntimeException {

  HandlingSaknasException(String dokumentnummer) {
    super("Handlingen " + dokumentnummer + " finns inte.");
  }
}
