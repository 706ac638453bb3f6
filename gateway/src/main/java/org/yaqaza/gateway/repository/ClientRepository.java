package org.yaqaza.gateway.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.gateway.model.MachineClient;

@ApplicationScoped
public class ClientRepository implements DirectoryRepository<MachineClient> {

    @Override
    public String nameField() {
        return "clientId";
    }
}
