/*
 * Draws architectures from /api/graph as SVG. A DAG cell puts its nodes in a row in
 * topological order. Edges between neighbours are straight. Longer edges arc above
 * (even span) or below (odd span), higher the longer they are, with the operation at
 * the top of the arc. A chain is a row of blocks that wraps onto further rows.
 */
'use strict';

const ArchDrawing = (function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const CHAR = 7;
  const NODE_H = 30;
  const DETAIL_H = 14;
  const MAX_WIDTH = 1100;

  function svg(tag, attributes, text) {
    const element = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([name, value]) =>
      element.setAttribute(name, String(value)));
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function nodeWidth(node) {
    return Math.max(node.label.length, node.detail.length * 0.9) * CHAR + 18;
  }

  function nodeHeight(cell) {
    return cell.nodes.some(n => n.detail) ? NODE_H + DETAIL_H : NODE_H;
  }

  function arrowMarker(root, id) {
    const defs = svg('defs');
    const marker = svg('marker', {
      id: id, viewBox: '0 0 10 10', refX: 10, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'
    });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#546e7a' }));
    defs.append(marker);
    root.append(defs);
  }

  function drawNode(root, node, x, y, width, height) {
    const kind = node.label === 'input' || node.label === 'output' ? 'io' : 'op';
    const group = svg('g', { class: 'arch-node ' + kind, 'data-id': node.id,
      'data-label': node.label });
    group.append(svg('rect', {
      x: x - width / 2, y: y - height / 2, width: width, height: height, rx: 6,
      fill: kind === 'io' ? '#e8f5e9' : '#e3f2fd',
      stroke: kind === 'io' ? '#66bb6a' : '#42a5f5'
    }));
    const labelY = node.detail ? y - 3 : y + 4;
    group.append(svg('text', { x: x, y: labelY, 'text-anchor': 'middle',
      'font-size': 12, class: 'node-label' }, node.label));
    if (node.detail) {
      group.append(svg('text', { x: x, y: y + 12, 'text-anchor': 'middle',
        'font-size': 10, fill: '#455a64', class: 'node-detail' }, node.detail));
    }
    root.append(group);
  }

  function edgeGroup(edge) {
    return svg('g', { class: 'arch-edge' + (edge.inactive ? ' inactive' : ''),
      'data-from': edge.from, 'data-to': edge.to, 'data-label': edge.label });
  }

  function edgePath(d, edge, markerId) {
    return svg('path', {
      d: d, fill: 'none', stroke: edge.inactive ? '#b0bec5' : '#546e7a',
      'stroke-width': 1.4, 'stroke-dasharray': edge.inactive ? '4 3' : 'none',
      'marker-end': 'url(#' + markerId + ')'
    });
  }

  function edgeLabel(edge, x, y) {
    return svg('text', {
      x: x, y: y, 'text-anchor': 'middle', 'font-size': 11,
      fill: edge.inactive ? '#90a4ae' : '#bf360c', class: 'edge-label',
      stroke: '#fff', 'stroke-width': 3, 'paint-order': 'stroke'
    }, edge.label);
  }

  function arcHeight(span) {
    return 30 + 22 * (span - 2);
  }

  function dag(cell, markerId) {
    const widths = cell.nodes.map(nodeWidth);
    const widest = Math.max(...widths);
    const longestLabel = Math.max(0, ...cell.edges.map(e => e.label.length)) * CHAR;
    const pitch = Math.max(widest + 40, longestLabel + widest / 2 + 24, 110);
    const height = nodeHeight(cell);
    const spans = cell.edges.map(e => e.to - e.from);
    const up = Math.max(0, ...spans.filter(s => s >= 2 && s % 2 === 0).map(arcHeight));
    const down = Math.max(0, ...spans.filter(s => s >= 3 && s % 2 === 1).map(arcHeight));
    const y = 26 + up + height / 2;
    const width = widest + pitch * (cell.nodes.length - 1) + 20;
    const root = svg('svg', { width: width, height: y + height / 2 + down + 18,
      class: 'arch-cell', 'data-cell': cell.name, 'data-layout': cell.layout });
    arrowMarker(root, markerId);
    root.append(svg('text', { x: 4, y: 14, 'font-size': 11, fill: '#607d8b' }, cell.name));
    const x = i => 10 + widest / 2 + i * pitch;

    cell.edges.forEach(edge => {
      const group = edgeGroup(edge);
      const span = edge.to - edge.from;
      if (span === 1) {
        const x0 = x(edge.from) + widths[edge.from] / 2;
        const x1 = x(edge.to) - widths[edge.to] / 2;
        group.append(edgePath('M' + x0 + ',' + y + ' L' + x1 + ',' + y, edge, markerId));
        group.append(edgeLabel(edge, (x0 + x1) / 2, y - 6));
      } else {
        const sign = span % 2 === 0 ? -1 : 1;
        const y0 = y + sign * height / 2;
        const apex = arcHeight(span);
        const x0 = x(edge.from);
        const x1 = x(edge.to);
        const control = y0 + sign * 2 * apex;
        group.append(edgePath('M' + x0 + ',' + y0 + ' Q' + (x0 + x1) / 2 + ',' + control
          + ' ' + x1 + ',' + y0, edge, markerId));
        group.append(edgeLabel(edge, (x0 + x1) / 2, y0 + sign * apex + (sign < 0 ? -4 : 12)));
      }
      root.append(group);
    });
    cell.nodes.forEach((node, i) => drawNode(root, node, x(i), y, widths[i], height));
    return root;
  }

  function chain(cell, markerId, maxWidth) {
    const widths = cell.nodes.map(nodeWidth);
    const widest = Math.max(...widths);
    const pitch = widest + 26;
    const perRow = Math.max(2, Math.floor((maxWidth - 20) / pitch));
    const rows = Math.ceil(cell.nodes.length / perRow);
    const height = nodeHeight(cell);
    const rowPitch = height + 34;
    const root = svg('svg', {
      width: Math.min(cell.nodes.length, perRow) * pitch + 20,
      height: 26 + rows * rowPitch, class: 'arch-cell', 'data-cell': cell.name,
      'data-layout': cell.layout
    });
    arrowMarker(root, markerId);
    root.append(svg('text', { x: 4, y: 14, 'font-size': 11, fill: '#607d8b' }, cell.name));
    const place = i => ({
      x: 10 + widest / 2 + (i % perRow) * pitch,
      y: 26 + height / 2 + 6 + Math.floor(i / perRow) * rowPitch
    });

    cell.edges.forEach(edge => {
      const a = place(edge.from);
      const b = place(edge.to);
      const group = edgeGroup(edge);
      let d;
      if (a.y === b.y) {
        d = 'M' + (a.x + widths[edge.from] / 2) + ',' + a.y + ' L' + (b.x - widths[edge.to] / 2)
          + ',' + b.y;
      } else {
        const turn = a.y + height / 2 + 17;
        d = 'M' + a.x + ',' + (a.y + height / 2) + ' L' + a.x + ',' + turn + ' L' + b.x + ','
          + turn + ' L' + b.x + ',' + (b.y - height / 2);
      }
      group.append(edgePath(d, edge, markerId));
      if (edge.label) {
        group.append(edgeLabel(edge, (a.x + b.x) / 2, Math.min(a.y, b.y) - height / 2 - 3));
      }
      root.append(group);
    });
    cell.nodes.forEach((node, i) => {
      const p = place(i);
      drawNode(root, node, p.x, p.y, widths[i], height);
    });
    return root;
  }

  /**
   * Replaces the content of container with one SVG per cell of drawing. A chain wraps
   * at the container's width.
   */
  function render(container, drawing) {
    const maxWidth = Math.min(MAX_WIDTH, Math.max(300, container.clientWidth || MAX_WIDTH));
    const cells = drawing.cells.map((cell, index) => {
      const markerId = 'arrow-' + drawing.trial + '-' + index;
      return cell.layout === 'chain' ? chain(cell, markerId, maxWidth) : dag(cell, markerId);
    });
    container.replaceChildren(...cells);
  }

  return { render: render };
})();
