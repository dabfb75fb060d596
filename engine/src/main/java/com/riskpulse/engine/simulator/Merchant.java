package com.riskpulse.engine.simulator;

/**
 * A merchant of the simulated world. Ids are opaque ({@code m-3fa2c1}) so that nothing in an id betrays
 * a merchant a fraud scenario made up on the spot.
 *
 * @param country where a shop stands, or where an online merchant is registered
 * @param online  whether payments there are card-not-present
 */
record Merchant(String id, MerchantCategory category, String country, boolean online) {

    String mcc() {
        return category.code();
    }
}
