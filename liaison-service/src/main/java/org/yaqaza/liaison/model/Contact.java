package org.yaqaza.liaison.model;

/** A liaison contact at a partner service (stored with the partner). */
public record Contact(String name, String function, String email, String phone) {
}
