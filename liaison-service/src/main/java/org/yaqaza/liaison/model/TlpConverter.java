package org.yaqaza.liaison.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the TLP label as written in TLP 2.0 ({@code AMBER+STRICT}, not the Java name). */
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
