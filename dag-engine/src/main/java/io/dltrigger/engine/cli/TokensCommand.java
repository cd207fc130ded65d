package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tokens create|list|revoke}: API tokens (an admin's). */
@Command(
        name = "tokens",
        mixinStandardHelpOptions = true,
        description = "Create, list and revoke API tokens (needs an admin token).",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public final class TokensCommand {

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Make a token; it is printed once (the engine keeps only its hash).")
    static final class Create implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Parameters(paramLabel = "NAME", description = "who or what uses it (shown in the audit log)")
        String name;

        @Option(
                names = "--role",
                defaultValue = "viewer",
                description = "viewer (read), operator (also trigger, pause, clear, backfill) or admin (also tokens);"
                        + " default: ${DEFAULT-VALUE}")
        String role;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode t = remote.client()
                    .post(
                            "/api/tokens",
                            new ObjectMapper()
                                    .createObjectNode()
                                    .put("name", name)
                                    .put("role", role));
            PrintWriter out = spec.commandLine().getOut();
            out.println("token #" + t.path("id").asText() + " ("
                    + t.path("role").asText() + ") for " + name + "; keep it secret, it is not shown again:");
            out.println(t.path("token").asText());
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every token, revoked ones included.")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Tables.print(
                    spec.commandLine().getOut(),
                    List.of("ID", "NAME", "ROLE", "CREATED", "BY", "REVOKED"),
                    Tables.rows(
                            remote.client().get("/api/tokens"),
                            t -> List.of(
                                    t.path("id").asText(),
                                    t.path("name").asText(),
                                    t.path("role").asText(),
                                    t.path("created_at").asText(),
                                    t.path("created_by").asText(),
                                    t.path("revoked_at").isNull()
                                            ? "-"
                                            : t.path("revoked_at").asText())));
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Remote remote;

        @Parameters(paramLabel = "ID")
        long id;

        @Override
        public Integer call() {
            remote.client().delete("/api/tokens/" + id);
            return 0;
        }
    }
}
