// The link graph of an entity page, drawn with Cytoscape. The page already lists every node and link (readable
// without script and by screen readers); this adds the drawing, an "expand" button per node (its own links, one
// hop) and the highlight of the path found by the page's form.
document.addEventListener('DOMContentLoaded', () => {
  const container = document.getElementById('graph');
  if (!container || typeof cytoscape !== 'function') {
    return;
  }
  const colours = { UNCLASSIFIED: '#007a33', RESTRICTED: '#0033a0', CONFIDENTIAL: '#502b85', SECRET: '#c8102e',
    TOP_SECRET: '#ff8c00' };
  const expandLabel = container.closest('section').dataset.expand || 'Expand';
  const cy = cytoscape({
    container,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': (n) => colours[n.data('marking')] || '#000',
        'font-family': '"Yaqaza Naskh", system-ui, sans-serif', 'font-size': 11, 'text-valign': 'bottom',
        'text-margin-y': 4, width: 18, height: 18 } },
      { selector: 'node.root', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#000' } },
      { selector: 'edge', style: { width: 1.5, 'line-color': '#888', 'target-arrow-shape': 'triangle',
        'target-arrow-color': '#888', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 8 } },
      { selector: '.on-path', style: { 'line-color': '#ffbf47', 'target-arrow-color': '#ffbf47', width: 4,
        'border-width': 4, 'border-color': '#ffbf47' } }
    ]
  });
  const list = document.getElementById('graph-nodes');

  const add = (graph) => {
    let added = 0;
    for (const node of graph.nodes) {
      if (cy.getElementById(node.id).empty()) {
        cy.add({ group: 'nodes', data: node });
        added++;
        if (list && !list.querySelector(`[data-node="${CSS.escape(node.id)}"]`)) {
          const item = document.createElement('li');
          item.dataset.node = node.id;
          const link = document.createElement('a');
          link.href = `/console/entities/${encodeURIComponent(node.id)}`;
          const name = document.createElement('bdi');
          name.textContent = node.label;
          link.appendChild(name);
          item.appendChild(link);
          list.appendChild(item);
          addExpandButton(item);
        }
      }
    }
    for (const edge of graph.edges) {
      if (cy.getElementById(edge.id).empty()) {
        cy.add({ group: 'edges', data: edge });
      }
    }
    cy.layout({ name: 'cose', animate: false, randomize: false }).run();
    container.dataset.nodes = String(cy.nodes().length);
    return added;
  };

  const expand = (id) => fetch(`/console/entities/${encodeURIComponent(id)}/graph.json?depth=1`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : { nodes: [], edges: [] }))
    .then(add);

  function addExpandButton(item) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'expand';
    button.textContent = expandLabel;
    button.addEventListener('click', () => {
      button.disabled = true;
      expand(item.dataset.node);
    });
    item.appendChild(document.createTextNode(' '));
    item.appendChild(button);
  }

  fetch(container.dataset.graph, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((r) => r.json())
    .then((graph) => {
      add(graph);
      cy.getElementById(container.dataset.root).addClass('root');
      if (list) {
        list.querySelectorAll('li[data-node]').forEach(addExpandButton);
      }
      const path = document.querySelectorAll('#path ol.path li[data-node]');
      const ids = [...path].map((li) => li.dataset.node);
      for (let i = 0; i < ids.length; i++) {
        cy.getElementById(ids[i]).addClass('on-path');
        if (i > 0) {
          cy.edges().filter((e) => (e.data('source') === ids[i - 1] && e.data('target') === ids[i])
            || (e.data('source') === ids[i] && e.data('target') === ids[i - 1])).addClass('on-path');
        }
      }
      container.dataset.ready = 'true';
    });
});
