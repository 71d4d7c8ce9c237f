package se.stockholm.ks.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import se.stockholm.ks.SkrivelseApplication;

/**
 * The whole application on a random port with the {@code test} profile (in-memory H2 unless the
 * class points the datasource at PostgreSQL). Each test class gets its own application context,
 * closed after the class: one process engine named {@code default} per JVM at a time. The
 * application class is named, not searched for, so that a test configuration in a test's package
 * never takes its place.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(classes = SkrivelseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface IntegrationTest {
}
