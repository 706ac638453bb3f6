package org.yaqaza.console.api;

import java.util.List;

/** What an administrator sets on a person (the API's PUT: every field given). */
public record UserUpdate(String displayName, List<String> roles, String clearance, List<String> compartments,
        String agency, Boolean enabled) {
}
