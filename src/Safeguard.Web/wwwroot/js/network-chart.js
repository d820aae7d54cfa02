// The link chart: draws the graph in the page's data island (<script type="application/json" id="network-data">,
// which the Content-Security-Policy allows because it is never executed) with cytoscape.js. The chart repeats
// what the tables below it say; without JavaScript the tables are the page.
import "/lib/cytoscape/cytoscape.min.js";

const island = document.getElementById("network-data");
const container = document.getElementById("network-chart");

if (island && container && globalThis.cytoscape) {
    // Cytoscape adds a <style> element to the head unless an element with this id exists. The CSP forbids
    // inline styles, and the one rule it would add (position: relative) is in safeguard.css already.
    if (!document.getElementById("__________cytoscape_stylesheet")) {
        const marker = document.createElement("meta");
        marker.id = "__________cytoscape_stylesheet";
        document.head.appendChild(marker);
    }
    const data = JSON.parse(island.textContent);
    const elements = [
        ...data.nodes.map((n) => ({ data: { ...n } })),
        ...data.links.map((l) => ({ data: { ...l } })),
    ];
    const hops = data.nodes.some((n) => n.hop !== null && n.hop !== undefined);
    const cy = globalThis.cytoscape({
        container,
        elements,
        wheelSensitivity: 0.3,
        style: [
            { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 4, width: 22, height: 22, "background-color": "#505a5f", "border-width": 1, "border-color": "#0b0c0c" } },
            { selector: "node[kind = 'person'][role = 'suspect']", style: { "background-color": "#d4351c" } },
            { selector: "node[kind = 'person'][role = 'victim']", style: { "background-color": "#1d70b8" } },
            { selector: "node[kind = 'vehicle']", style: { shape: "round-rectangle", "background-color": "#f47738" } },
            { selector: "node[kind = 'phone']", style: { shape: "diamond", "background-color": "#4c2c92" } },
            { selector: "node[kind = 'account']", style: { shape: "hexagon", "background-color": "#912b88" } },
            { selector: "node[kind = 'document']", style: { shape: "tag", "background-color": "#6f777b" } },
            { selector: "node[kind = 'location']", style: { shape: "rectangle", "background-color": "#00703c" } },
            { selector: "node[kind = 'event']", style: { shape: "triangle", "background-color": "#ffdd00" } },
            { selector: "node[?centre]", style: { "border-width": 4, width: 30, height: 30 } },
            { selector: "node[?busy]", style: { "border-style": "dashed", "border-width": 3 } },
            { selector: "edge", style: { width: 3, "line-color": "#0b0c0c", "curve-style": "bezier", "line-style": "solid" } },
            { selector: "edge[confidence = 'tentative']", style: { width: 2, "line-style": "dashed", "line-color": "#505a5f" } },
            { selector: "edge[confidence = 'unconfirmed']", style: { width: 1.5, "line-style": "dotted", "line-color": "#6f777b" } },
        ],
        layout: hops
            ? { name: "concentric", animate: false, concentric: (n) => 10 - (n.data("hop") ?? 1), levelWidth: () => 1, minNodeSpacing: 30 }
            : { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000 },
    });
    cy.on("tap", "node", (event) => {
        const id = event.target.id();
        if (!event.target.data("centre")) {
            globalThis.location.assign(`/intelligence/network/${id}`);
        }
    });
    container.dataset.ready = "true";
}
