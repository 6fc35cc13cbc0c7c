// Search from every summit screen: requests and meetings, people, delegations, rooms and programme
// events by name, id or topic, each hit in names with its date and time. "/" jumps here; Enter on
// a hit opens it.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Autocomplete, Input, ListBox, ListBoxItem, SearchField, type Key } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { ResponseOf } from '../api/types';
import { localDate, spanLabel } from '../lib/time';
import { useSummitScope } from './summit-context';

/** One hit of the search. */
export type SearchHit = ResponseOf<'/api/summits/{summit}/search', 'get'>['hits'][number];

const KIND_LABEL: Readonly<Record<SearchHit['kind'], string>> = {
  request: 'Request',
  meeting: 'Meeting',
  person: 'Person',
  room: 'Room',
  delegation: 'Delegation',
  event: 'Programme',
};

/** Where a hit leads. */
export function hrefOf(summit: string, zone: string, hit: SearchHit): string {
  const base = `/s/${summit}`;
  switch (hit.kind) {
    case 'request':
    case 'meeting':
      return hit.request
        ? `${base}/requests/${hit.request}`
        : `${base}/schedule?day=${hit.start ? localDate(hit.start, zone) : ''}`;
    case 'person':
      return `${base}/people/${hit.id}`;
    case 'room':
      return `${base}/rooms/${hit.id}`;
    case 'delegation':
      return `${base}/requests?party=${hit.id}`;
    case 'event':
      return `${base}/schedule?day=${hit.start ? localDate(hit.start, zone) : ''}`;
  }
}

/**
 * The search box of the header: a search field with its hits listed beneath while it has focus.
 * Built as an autocomplete (the list follows the field with virtual focus) rather than a combo box
 * popover, which would hide the rest of the page from screen readers while still leaving it
 * reachable by Tab.
 */
export function SearchBox(props: { compact?: boolean }) {
  const { summit } = useSummitScope();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);

  // ask once typing pauses
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);

  // "/" anywhere but in a text field puts the cursor here
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const typing = el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hits = useQuery({
    queryKey: ['summit', summit.id, 'search', query],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/summits/{summit}/search', {
            params: { path: { summit: summit.id }, query: { q: query, limit: 8 } },
          }),
        )
      ).hits,
    enabled: query.length >= 2,
    staleTime: 30_000,
  });
  const items = query.length >= 2 ? (hits.data ?? []) : [];
  const keyOf = (h: SearchHit) => `${h.kind}:${h.id}`;
  const go = (key: Key) => {
    const hit = items.find((h) => keyOf(h) === key);
    if (!hit) return;
    setText('');
    setQuery('');
    setOpen(false);
    input.current?.blur();
    void navigate(hrefOf(summit.id, summit.timezone, hit));
  };
  const shown = open && text.trim().length > 0;

  return (
    <div
      ref={box}
      className={`search-box${props.compact ? ' compact' : ''}`}
      onFocus={() => setOpen(true)}
      onBlur={(e) => {
        // still open while focus moves within (a click on a hit)
        if (!box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <Autocomplete inputValue={text} onInputChange={setText}>
        <SearchField
          aria-label="Search requests, meetings, people and rooms"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setOpen(false);
              input.current?.blur();
            } else e.continuePropagation();
          }}
        >
          <Input ref={input} placeholder="Search requests, people, rooms…  /" className="search-input" />
        </SearchField>
        {shown && (
          // a press on a hit keeps the focus in the field, so the list stays until the hit is taken
          <div className="popover search-popover" role="presentation" onMouseDown={(e) => e.preventDefault()}>
            <ListBox
              aria-label="Search results"
              className="listbox"
              items={items}
              onAction={go}
              renderEmptyState={() => (
                <p className="search-empty">
                  {text.trim().length < 2
                    ? 'Type two letters or more'
                    : hits.isFetching || query !== text.trim()
                      ? 'Searching…'
                      : `Nothing found for “${query}”`}
                </p>
              )}
            >
              {(h: SearchHit) => (
                <ListBoxItem
                  id={keyOf(h)}
                  className="listbox-item search-hit"
                  textValue={`${h.title} ${h.detail}`}
                >
                  <span className="search-kind">{KIND_LABEL[h.kind]}</span>
                  <span className="search-title">{h.title}</span>
                  <span className="search-detail">
                    {h.start && h.end
                      ? `${spanLabel(h.start, h.end, summit.timezone)}${h.detail ? ' · ' : ''}`
                      : ''}
                    {h.detail}
                  </span>
                </ListBoxItem>
              )}
            </ListBox>
          </div>
        )}
      </Autocomplete>
    </div>
  );
}
