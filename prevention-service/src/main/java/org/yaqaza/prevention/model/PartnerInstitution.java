package org.yaqaza.prevention.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An institution that takes part in a programme (a council of ulema, the prison administration, an NGO...). */
public record PartnerInstitution(@NotBlank @Size(max = 300) String name, @Size(max = 200) String role) {
}
