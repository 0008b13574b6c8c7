package org.articula.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.articula.localstack.security.DevKeys;
import org.articula.localstack.security.Tokens;

/**
 * {@code ./articula token --role treasurer --org <organisation id> [--sub name] [--producer id] [--hours n]}
 * prints a development token signed with the local stack's key (created under ARTICULA_HOME if missing),
 * for {@code curl -H "Authorization: Bearer $(./articula token ...)"}.
 */
final class TokenCommand {

    static final String USAGE = """
            usage: ./articula token --role <role>[,<role>...] --org <organisation id> [--sub <user>] \
            [--producer <producer id>] [--hours <n>]
              roles: buyer-admin, centre-operator, treasurer, producer, auditor, platform-admin""";

    private TokenCommand() {
    }

    static int run(List<String> args, Path home) throws Exception {
        List<String> roles = new ArrayList<>();
        UUID org = null;
        UUID producer = null;
        String sub = null;
        long hours = Tokens.DEFAULT_LIFETIME.toHours();
        try {
            for (int i = 0; i < args.size(); i++) {
                String value = i + 1 < args.size() ? args.get(i + 1) : null;
                switch (args.get(i)) {
                    case "--role", "--roles" -> roles.addAll(List.of(value.split(",")));
                    case "--org" -> org = UUID.fromString(value);
                    case "--producer" -> producer = UUID.fromString(value);
                    case "--sub" -> sub = value;
                    case "--hours" -> hours = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args.get(i));
                }
                i++;
            }
            if (roles.isEmpty() || org == null) {
                throw new IllegalArgumentException("--role and --org are required");
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() == null ? e.toString() : e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        DevKeys keys = DevKeys.loadOrCreate(LocalStack.keysDir(home));
        Tokens.Claims claims = Tokens.Claims.of(sub == null ? String.join("+", roles) + "@" + org : sub, org,
                roles.toArray(String[]::new)).withProducer(producer)
                .expiringAt(Instant.now().plus(Duration.ofHours(hours)));
        System.out.println(keys.sign(claims));
        return 0;
    }

    static boolean isInvoked(String[] args) {
        return args.length > 0 && "token".equals(args[0]);
    }
}
