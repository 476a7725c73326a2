package schedule

import (
	"sync"
)

// eventQueue delivers events in order from at most one goroutine at a
// time, started when events arrive and ending when the queue is empty.
type eventQueue struct {
	notify func(Event)
	mu     sync.Mutex
	cond   *sync.Cond
	items  []Event
	busy   bool
	queued uint64
	done   uint64
}

func newEventQueue(notify func(Event)) *eventQueue {
	q := &eventQueue{notify: notify}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *eventQueue) push(ev Event) {
	if q.notify == nil {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.items = append(q.items, ev)
	q.queued++
	if !q.busy {
		q.busy = true
		go q.run()
	}
}

func (q *eventQueue) run() {
	for {
		q.mu.Lock()
		if len(q.items) == 0 {
			q.busy = false
			q.cond.Broadcast()
			q.mu.Unlock()
			return
		}
		ev := q.items[0]
		q.items[0] = Event{}
		q.items = q.items[1:]
		q.mu.Unlock()
		q.notify(ev)
		q.mu.Lock()
		q.done++
		q.cond.Broadcast()
		q.mu.Unlock()
	}
}

func (q *eventQueue) sync() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for target := q.queued; q.done < target; {
		q.cond.Wait()
	}
}
