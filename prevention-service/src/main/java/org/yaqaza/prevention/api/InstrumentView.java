package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.prevention.model.InstrumentDefinition;

public record InstrumentView(UUID id, String code, int version, String title, String licence,
        InstrumentDefinition definition, Instant createdAt) {
}
