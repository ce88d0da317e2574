package dev.dlforge.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Test tier: runs a project's real path end to end (fetches or reads a real dataset, trains a few
 * batches, starts a server, runs the CLI). In {@code mvn verify}; left out of the fast tier
 * ({@code mvn verify -Pfast}). Untagged tests are unit tests on data they make.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("e2e")
public @interface EndToEnd {}
