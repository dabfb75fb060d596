package com.riskpulse.engine.simulator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The shops of every country and the online merchants, shared by all entities so that a merchant id
 * always has the same category and country, whoever pays there. Built from the run's seed.
 */
final class MerchantCatalog {

    static final int SHOPS_PER_COUNTRY = 240;
    static final int ONLINE_MERCHANTS = 160;
    private static final String[] ONLINE_HOMES = {"US", "GB", "NL", "IE", "DE", "CN"};

    private final Map<String, List<Merchant>> shops = new HashMap<>();
    private final Map<String, Map<MerchantCategory, List<Merchant>>> shopsByCategory = new HashMap<>();
    private final List<Merchant> online = new ArrayList<>();
    private final Map<MerchantCategory, List<Merchant>> onlineByCategory = new EnumMap<>(MerchantCategory.class);
    private final Set<String> ids = new HashSet<>();

    MerchantCatalog(SplittableRandom rnd) {
        for (Countries.Country country : Countries.all()) {
            List<Merchant> list = new ArrayList<>(SHOPS_PER_COUNTRY);
            Map<MerchantCategory, List<Merchant>> byCategory = new EnumMap<>(MerchantCategory.class);
            // one of every shop category first, so that a pick by category never comes back empty
            for (MerchantCategory category : MerchantCategory.values()) {
                if (category.weight(false) > 0) add(list, byCategory, new Merchant(freshId(rnd), category, country.code(), false));
            }
            while (list.size() < SHOPS_PER_COUNTRY) {
                MerchantCategory category = MerchantCategory.pick(rnd, false);
                add(list, byCategory, new Merchant(freshId(rnd), category, country.code(), false));
            }
            shops.put(country.code(), list);
            shopsByCategory.put(country.code(), byCategory);
        }
        for (MerchantCategory category : MerchantCategory.values()) {
            if (category.weight(true) > 0) add(online, onlineByCategory, onlineMerchant(category, rnd));
        }
        while (online.size() < ONLINE_MERCHANTS) {
            add(online, onlineByCategory, onlineMerchant(MerchantCategory.pick(rnd, true), rnd));
        }
    }

    /** Any shop in this country, common categories more likely. */
    Merchant shop(String country, RandomGenerator rnd) {
        List<Merchant> list = shops.get(country);
        return list.get(rnd.nextInt(list.size()));
    }

    /** A shop of this category in this country. */
    Merchant shop(String country, MerchantCategory category, RandomGenerator rnd) {
        List<Merchant> list = shopsByCategory.get(country).get(category);
        return list.get(rnd.nextInt(list.size()));
    }

    /** Any online merchant. */
    Merchant online(RandomGenerator rnd) {
        return online.get(rnd.nextInt(online.size()));
    }

    /** An online merchant of this category. */
    Merchant online(MerchantCategory category, RandomGenerator rnd) {
        List<Merchant> list = onlineByCategory.get(category);
        return list.get(rnd.nextInt(list.size()));
    }

    /**
     * A merchant nobody has paid before: fraud often goes to freshly set-up merchants. The id looks like
     * every other one; a clash with the catalog is possible but as rare as in real life.
     */
    static Merchant unseen(MerchantCategory category, String country, boolean online, RandomGenerator rnd) {
        return new Merchant("m-" + Ids.hex(rnd, 6), category, country, online);
    }

    private Merchant onlineMerchant(MerchantCategory category, SplittableRandom rnd) {
        return new Merchant(freshId(rnd), category, ONLINE_HOMES[rnd.nextInt(ONLINE_HOMES.length)], true);
    }

    private String freshId(SplittableRandom rnd) {
        String id;
        do {
            id = "m-" + Ids.hex(rnd, 6);
        } while (!ids.add(id));
        return id;
    }

    private static void add(List<Merchant> list, Map<MerchantCategory, List<Merchant>> byCategory, Merchant merchant) {
        list.add(merchant);
        byCategory.computeIfAbsent(merchant.category(), k -> new ArrayList<>()).add(merchant);
    }
}
