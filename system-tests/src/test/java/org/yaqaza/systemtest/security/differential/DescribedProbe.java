package org.yaqaza.systemtest.security.differential;

import java.util.List;

/** What every probe declares about itself: its name, the operations it exercises, its callers and time fields. */
abstract class DescribedProbe implements Probe {

    private final String name;
    private final List<String> operations;
    private final List<String> callers;
    private final List<String> timeFields;
    private final String describe;

    DescribedProbe(String name, List<String> operations, List<String> callers, List<String> timeFields,
            String describe) {
        this.name = name;
        this.operations = operations;
        this.callers = callers;
        this.timeFields = timeFields;
        this.describe = describe;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> operations() {
        return operations;
    }

    @Override
    public List<String> callers() {
        return callers;
    }

    @Override
    public List<String> timeFields() {
        return timeFields;
    }

    @Override
    public String describe() {
        return describe;
    }
}
