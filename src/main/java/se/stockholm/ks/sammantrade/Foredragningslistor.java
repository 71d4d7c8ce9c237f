package se.stockholm.ks.sammantrade;

import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.kalender.Arbetsdagskalender;
import se.stockholm.ks.kalender.Frister;
import se.stockholm.ks.security.Grupper;

/**
 * Puts an ärende on a meeting's föredragningslista ({@link Sammantradesregister#anmal}) and, for the
 * meeting's first ärende, starts the meeting's process {@value #PROCESS} (business key
 * {@code Föredragningslista KS 2026-03-18}): the secretary's task to fix the list, due
 * {@code ks.sammantrade.foredragningslista-fore} working days before the meeting (never before
 * today). One process per meeting: the meeting's row lock serializes the ärenden that join it.
 */
@Component
public class Foredragningslistor {

  /** The process key. */
  public static final String PROCESS = "foredragningslista";
  /** Process variable: the organ's code, {@code KS} or {@code BRB}. */
  public static final String ORGAN = "organ";
  /** Process variable: the secretaries' group. */
  public static final String SEKRETERARE = "sekreterare";
  /** Process variable: the last day to fix the list, ISO. */
  public static final String LISTA_SENAST = se.stockholm.ks.skrivelse.Variabler.FOREDRAGNINGSLISTA_SENAST;

  private final Sammantradesregister register;
  private final JdbcClient jdbc;
  private final Arbetsdagskalender kalender;
  private final Frister frister;
  private final SammantradeInstallningar installningar;

  Foredragningslistor(Sammantradesregister register, JdbcClient jdbc, Arbetsdagskalender kalender, Frister frister,
                      SammantradeInstallningar installningar) {
    this.register = register;
    this.jdbc = jdbc;
    this.kalender = kalender;
    this.frister = frister;
    this.installningar = installningar;
  }

  /**
   * Anmäler the ärende to the meeting and makes sure the meeting's föredragningslista process runs
   * (not started for a meeting already held or whose list is fixed).
   *
   * @param organ the organ
   * @param datum the meeting day
   * @param dnr the ärende
   * @param motor the engine, from the calling execution or task
   * @return the ärende's position on the list
   */
  @Transactional
  public int anmal(Organ organ, LocalDate datum, Diarienummer dnr, ProcessEngineServices motor) {
    int ordning = register.anmal(organ, datum, dnr);
    var rad = jdbc.sql("select id, status, lista_process_id from sammantrade where organ = ? and datum = ?")
        .params(organ.name(), datum)
        .query((rs, i) -> new Object[] {rs.getLong("id"), rs.getString("status"), rs.getString("lista_process_id")})
        .single();
    if (rad[2] == null && Sammantradestatus.PLANERAT.name().equals(rad[1])) {
      LocalDate senast = kalender.dragIfranArbetsdagar(datum, installningar.foredragningslistaFore());
      if (senast.isBefore(frister.idag())) {
        senast = frister.idag();
      }
      ProcessInstance pi = motor.getRuntimeService().createProcessInstanceByKey(PROCESS)
          .businessKey("Föredragningslista " + organ.name() + " " + datum)
          .setVariables(Variables.createVariables()
              .putValue(ORGAN, organ.name())
              .putValue("sammantrade", datum.toString())
              .putValue("rubrik", "Föredragningslista för " + organ.genitiv() + " sammanträde " + datum)
              .putValue(SEKRETERARE, organ == Organ.KS ? Grupper.KS_SEKRETERARE : Grupper.BRB_SEKRETERARE)
              .putValue(LISTA_SENAST, senast.toString()))
          .execute();
      jdbc.sql("update sammantrade set lista_process_id = ? where id = ?").params(pi.getId(), rad[0]).update();
    } else if (rad[2] != null) {
      // the secretary's open task shows the list as it stands
      for (var t : motor.getTaskService().createTaskQuery().processInstanceId((String) rad[2]).list()) {
        motor.getTaskService().setVariableLocal(t.getId(), ForedragningslistaListener.PUNKTER,
            ForedragningslistaListener.punkter(register, organ, datum));
      }
    }
    return ordning;
  }

  /**
   * Takes the ärende off the meeting's list (withdrawn before it was treated). When no ärende is left
   * on a list not yet fixed, the meeting's föredragningslista process ends: there is nothing to fix.
   *
   * @param organ the organ
   * @param datum the meeting day
   * @param dnr the ärende
   * @param motor the engine, from the calling execution
   */
  @Transactional
  public void avfor(Organ organ, LocalDate datum, Diarienummer dnr, ProcessEngineServices motor) {
    register.stall(organ, datum, dnr, Punktstatus.AVFORT);
    var mote = register.hitta(organ, datum);
    if (mote.isEmpty() || !mote.get().paListan().isEmpty()) {
      return;
    }
    String pid = jdbc.sql("select lista_process_id from sammantrade where organ = ? and datum = ?")
        .params(organ.name(), datum).query(String.class).optional().orElse(null);
    if (pid != null && motor.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count() > 0) {
      motor.getRuntimeService().deleteProcessInstance(pid, "Inga ärenden kvar på föredragningslistan", true, true);
      jdbc.sql("update sammantrade set lista_process_id = null where organ = ? and datum = ?")
          .params(organ.name(), datum).update();
    }
  }
}
