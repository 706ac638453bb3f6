package org.yaqaza.prevention.api;

import java.util.UUID;

public record ContentView(UUID id, String title, String language, String medium) {
}
