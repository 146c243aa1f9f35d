package io.xstore.server.webapp;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds a hand-started server (started with the test key pair of {@code ApiClient}) for working on the e2e suite
 * without the IT: {@code java -cp <test class path> io.xstore.server.webapp.WebAppSeedMain API_URL FILES_URL OUT
 * [million]}; then {@code npx playwright test} with XSTORE_SEED=OUT (see docs/webapp.md).
 */
public final class WebAppSeedMain {

    private WebAppSeedMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean million = args.length > 3 && args[3].equals("million");
        SeedApi api = new SeedApi(args[0], args[1]);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        WebAppSeed seeder = new WebAppSeed(api, suffix);
        Map<String, Object> seed = seeder.build(million);
        seed.putAll(new WebAppSeedPart2(api, suffix).build(seed));
        if (million) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spike = (Map<String, Object>) seed.get("spikeTask");
            seeder.fillSpikeRun((String) spike.get("id"));
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(args[2]), seed);
    }
}
