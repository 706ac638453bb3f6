package org.yaqaza.liaison.api;

import jakarta.validation.constraints.Size;

/** Why a request is withdrawn; optional. */
public record WithdrawRequest(@Size(max = 2000) String reason) {
}
