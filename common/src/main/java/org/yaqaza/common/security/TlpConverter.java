package org.yaqaza.common.security;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Tlp} as its TLP 2.0 label ({@code AMBER+STRICT}), the value the database checks. */
@Converter
public class TlpConverter implements AttributeConverter<Tlp, String> {

    @Override
    public String convertToDatabaseColumn(Tlp tlp) {
        return tlp == null ? null : tlp.label();
    }

    @Override
    public Tlp convertToEntityAttribute(String label) {
        return label == null ? null : Tlp.of(label);
    }
}
