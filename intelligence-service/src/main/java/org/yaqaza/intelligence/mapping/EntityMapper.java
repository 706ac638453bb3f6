package org.yaqaza.intelligence.mapping;

import java.util.List;

import org.yaqaza.intelligence.api.EntityRequest;
import org.yaqaza.intelligence.api.EntityView;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.model.IntelEntity;

/** Entity to wire record. */
public final class EntityMapper {

    private EntityMapper() {
    }

    public static EntityView toView(IntelEntity e) {
        boolean person = e.kind == EntityKind.PERSON;
        boolean org = e.kind == EntityKind.ORGANISATION;
        boolean location = e.kind == EntityKind.LOCATION;
        boolean event = e.kind == EntityKind.EVENT;
        List<EntityRequest.Identifier> identifiers = e.identifiers.stream()
                .map(i -> new EntityRequest.Identifier(i.type, i.value, i.country)).toList();
        return new EntityView(e.id, e.kind, e.displayName, e.description,
                e.names.stream().map(n -> new EntityView.NameView(n.name, n.nameType.name(), n.script)).toList(),
                person ? e.birthDate : null, person ? e.nationality : null,
                person || org ? identifiers : null,
                org ? e.organisationKind : null, org ? e.organisationStatus : null, org ? e.statusSince : null,
                e.category, org ? List.of(e.externalAffiliations) : null,
                location ? e.country : null, location ? e.latitude : null, location ? e.longitude : null,
                location || event ? e.nationalTerritory : null,
                event ? e.eventType : null, event ? e.eventStatus : null, event ? e.eventDate : null,
                event ? e.placeId : null, event ? e.arrests : null,
                e.classification, List.of(e.compartments), e.ownerAgency, List.of(e.sharedWith), e.createdAt,
                e.createdBy, e.updatedAt, e.version);
    }
}
