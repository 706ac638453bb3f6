package org.yaqaza.common.security;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a classification as its level so that the database can compare it with a clearance. */
@Converter
public class ClassificationConverter implements AttributeConverter<Classification, Short> {

    @Override
    public Short convertToDatabaseColumn(Classification attribute) {
        return attribute == null ? null : (short) attribute.level();
    }

    @Override
    public Classification convertToEntityAttribute(Short dbData) {
        return dbData == null ? null : Classification.ofLevel(dbData);
    }
}
