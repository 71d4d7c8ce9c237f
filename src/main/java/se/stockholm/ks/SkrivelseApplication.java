package se.stockholm.ks;

import java.util.TimeZone;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kommunstyrelsens skrivelseprocess: Camunda 7 process application on Spring Boot.
 *
 * <p>The JVM and the process engine run in one time zone, {@value #TIME_ZONE}: business dates
 * (svarsdatum, sammanträden, anslag) are Swedish calendar dates and timers fire at a stated hour
 * of the day in Stockholm.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("skrivelseprocessen")
@EnableScheduling
public class SkrivelseApplication {

  /** The one time zone of the JVM, the engine and all business dates. */
  public static final String TIME_ZONE = "Europe/Stockholm";

  /**
   * Starts the application.
   *
   * @param args Spring Boot command line arguments
   */
  public static void main(String[] args) {
    useStockholmTime();
    SpringApplication.run(SkrivelseApplication.class, args);
  }

  /** Sets the JVM default time zone to {@value #TIME_ZONE}, before anything reads it. */
  public static void useStockholmTime() {
    TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
    System.setProperty("user.timezone", TIME_ZONE);
  }
}
