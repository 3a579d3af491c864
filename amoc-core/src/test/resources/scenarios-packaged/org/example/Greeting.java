package org.example;

final class Greeting {

    private Greeting() {
    }

    static String of(long userId) {
        return "greeted_" + userId;
    }
}
